using System.Text.Json;

namespace CaseGrains.Bench.Hosting;

/// <summary>
/// How a child process of the bench talks to its parent: a message is one line on standard output, <c>@bench</c>, its
/// name and its body as JSON; every other line the child writes is its log. The parent asks it to stop by writing a
/// line to its standard input (or by closing it).
/// </summary>
public static class ChildProtocol
{
    public const string Prefix = "@bench ";

    public static void Send<T>(string name, T body) => Console.Out.WriteLine($"{Prefix}{name} {JsonSerializer.Serialize(body)}");

    /// <summary>The name and JSON body of <paramref name="line"/>, or null when it is a line of log.</summary>
    public static (string Name, string Json)? Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[Prefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (rest, "null") : (rest[..space], rest[(space + 1)..]);
    }

    /// <summary>Waits for the parent's stop request.</summary>
    public static async Task WaitForStopAsync() => await Console.In.ReadLineAsync();
}
