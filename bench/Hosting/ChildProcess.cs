using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace CaseGrains.Bench.Hosting;

/// <summary>
/// This same bench executable started again in another mode (<see cref="Scenarios"/>), so that what it measures, a
/// silo's memory above all, is that process's own. Its messages (<see cref="ChildProtocol"/>) are awaited with
/// <see cref="ReceiveAsync{T}"/>; its log, standard output and error alike, goes to <see cref="LogPath"/>.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> messages = new();
    private readonly StreamWriter log;

    private ChildProcess(Process process, string logPath)
    {
        this.process = process;
        LogPath = logPath;
        log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Logged(e.Data);
    }

    public int Id => process.Id;

    public string LogPath { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Starts the bench in <paramref name="mode"/> with <paramref name="environment"/> added to this process's.
    /// Secrets go in the environment, which only the same user can read, never on the command line.</summary>
    public static ChildProcess Start(string mode, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Run as "dotnet CaseGrains.Bench.dll", the executable is the host: the child needs the assembly named again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add(mode);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = start }, logPath);
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The body of the child's message <paramref name="name"/>; throws if the child exits or stays silent first.</summary>
    public async Task<T> ReceiveAsync<T>(string name, TimeSpan timeout)
    {
        var message = messages.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(message, exited, Task.Delay(timeout));
        if (first != message)
        {
            throw new InvalidOperationException(first == exited
                ? $"The child process exited with code {process.ExitCode} before it sent '{name}'; see {LogPath}."
                : $"The child process sent no '{name}' within {timeout.TotalSeconds:N0} s; see {LogPath}.");
        }

        return JsonSerializer.Deserialize<T>(await message)!;
    }

    /// <summary>Asks the child to stop and waits for it to exit; kills it if it does not within <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        await process.StandardInput.WriteLineAsync("stop");
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (ChildProtocol.Parse(line) is { } message)
        {
            messages.GetOrAdd(message.Name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(message.Json);
        }
        else
        {
            Logged(line);
        }
    }

    private void Logged(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
