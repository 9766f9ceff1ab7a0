using System.Text;

namespace CaseGrains.Api.Tests.Hostile;

/// <summary>
/// One generated request: what it is (<see cref="Category"/>, to read the distribution and any failure by), the HTTP
/// request itself, and what may come back. <see cref="Expected"/> lists the only statuses allowed (null: any below
/// 500); <see cref="MayOpenCase"/> marks the receipts that a lenient but correct server may accept, which the run
/// accounts for instead of counting them as a change of state.
/// </summary>
public sealed record HostileRequest(string Category, HttpMethod Method, string Path)
{
    /// <summary>The body's bytes exactly as sent (not necessarily valid UTF-8); null: no body.</summary>
    public byte[]? Body { get; init; }

    /// <summary>Content-Type of the body; null: no Content-Type header.</summary>
    public string? ContentType { get; init; } = "application/json";

    /// <summary>The whole Authorization header; null: none.</summary>
    public string? Authorization { get; init; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Send the body without a Content-Length (chunked).</summary>
    public bool Chunked { get; init; }

    public int[]? Expected { get; init; }

    public bool MayOpenCase { get; init; }

    /// <summary>For a list read: the text filter it sends, which every row it answers must match.</summary>
    public string? ListText { get; init; }

    /// <summary>For a list read by body staff: the body every row must belong to (competent or receiving).</summary>
    public string? ListBody { get; init; }

    public bool IsWrite => Method != HttpMethod.Get;

    public HostileRequest WithText(string body) => this with { Body = Encoding.UTF8.GetBytes(body) };

    public override string ToString()
    {
        var body = Body is null ? string.Empty : Encoding.UTF8.GetString(Body);
        return $"[{Category}] {Method} {Shorten(Path)} auth={Shorten(Authorization ?? "none")} type={ContentType ?? "none"} body={Shorten(body)}";
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..150]}…({text.Length} chars)";
}
