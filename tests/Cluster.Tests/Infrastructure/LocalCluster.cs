using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CaseGrains.Cluster.Tests.Infrastructure;

/// <summary>
/// The production topology as local processes, started and controlled through <c>scripts/cluster.sh</c> exactly as a
/// newcomer would: silos and one gateway on loopback, on ports of their own (a free range, so tests and other
/// engineers' clusters never collide), running what this test build built (<c>CASEGRAINS_CLUSTER_NO_BUILD</c>), with
/// their state and logs in a temporary folder. Disposing stops every process it started.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;

    private LocalCluster(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        StateDirectory = Directory.CreateTempSubdirectory("casegrains-cluster-").FullName;
        PortBase = FreePortRange();
        HttpPort = FreePort();
        environment = new Dictionary<string, string>(settings)
        {
            ["CASEGRAINS_POSTGRES"] = connectionString,
            ["CASEGRAINS_CLUSTER_DIR"] = StateDirectory,
            ["CASEGRAINS_CLUSTER_PORT_BASE"] = PortBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CASEGRAINS_CLUSTER_CONFIGURATION"] = Configuration,
            ["CASEGRAINS_CLUSTER_NO_BUILD"] = "1",
        };
    }

    public string StateDirectory { get; }

    public int PortBase { get; }

    public int HttpPort { get; }

    public Uri Gateway => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>The configuration this test assembly was built in, which is the one its referenced executables were built in.</summary>
    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>Starts <paramref name="silos"/> silos and the gateway and waits until the gateway is ready.</summary>
    public static async Task<LocalCluster> StartAsync(string connectionString, int silos, IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new LocalCluster(connectionString, settings ?? new Dictionary<string, string>());
        try
        {
            await cluster.RunAsync("start", silos.ToString(System.Globalization.CultureInfo.InvariantCulture), cluster.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more silo; returns its number.</summary>
    public async Task<int> AddSiloAsync()
    {
        var output = await RunAsync("add-silo");
        return int.Parse(output.Split(' ')[0]["silo".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><c>kill -9</c>: the silo's machine dies.</summary>
    public Task KillSiloAsync(int silo) => RunAsync("kill", silo.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The silo's silo-to-silo port, by which its membership entry is recognised.</summary>
    public int SiloPort(int silo) => PortBase + silo;

    public bool IsRunning(int silo)
    {
        var pidFile = Path.Combine(StateDirectory, $"silo{silo}.pid");
        if (!File.Exists(pidFile))
        {
            return false;
        }

        try
        {
            return !Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture)).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>How many lines of a process's log contain <paramref name="text"/>.</summary>
    public int LogLinesContaining(string process, string text)
    {
        var file = Path.Combine(StateDirectory, process + ".log");
        return File.Exists(file) ? File.ReadLines(file).Count(l => l.Contains(text, StringComparison.Ordinal)) : 0;
    }

    /// <summary>The last <paramref name="lines"/> lines of a process's log that contain <paramref name="text"/>.</summary>
    public string LogLinesWith(string process, string text, int lines = 20)
    {
        var file = Path.Combine(StateDirectory, process + ".log");
        return File.Exists(file) ? string.Join('\n', File.ReadLines(file).Where(l => l.Contains(text, StringComparison.Ordinal)).TakeLast(lines)) : "(no log)";
    }

    /// <summary>The last lines of a process's log (<c>silo1</c>, <c>gateway</c>), for a failure's message.</summary>
    public string LogTail(string process, int lines = 40)
    {
        var file = Path.Combine(StateDirectory, process + ".log");
        return File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(lines)) : "(no log)";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("stop");
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("CASEGRAINS_KEEP_CLUSTER_LOGS") != "1")
            {
                Directory.Delete(StateDirectory, recursive: true);
            }
        }
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "cluster.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}\n{LogTail("gateway")}");
        }

        return (await output).Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A base whose next 200 ports (silos at base + n, their client gateways at base + 100 + n) are free now.</summary>
    private static int FreePortRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20_000, 29_000);
            if (Enumerable.Range(1, 10).All(n => IsFree(candidate + n) && IsFree(candidate + 100 + n)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no free port range for the cluster");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
