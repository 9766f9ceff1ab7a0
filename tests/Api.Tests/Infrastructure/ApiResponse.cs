using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>An HTTP answer read completely: status, parsed JSON body (default when empty), headers.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, string RawBody, HttpResponseHeaders Headers, string? MediaType)
{
    public int StatusCode => (int)Status;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The ETag header's value including its quotes, e.g. <c>"3"</c>.</summary>
    public string? ETag => Headers.ETag?.Tag;

    public bool Replayed => Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");

    // A case view.
    public string Id => Body.GetProperty("id").GetString()!;

    public long Version => Body.GetProperty("version").GetInt64();

    public JsonElement Case => Body.GetProperty("case");

    public string CaseStatus => Case.GetProperty("status").GetString()!;

    public IReadOnlyList<string> AllowedActions => Strings(Body.GetProperty("allowedActions"));

    public DateOnly Today => DateOnly.Parse(Body.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The deadline views of a case, in the order they were started.</summary>
    public IReadOnlyList<JsonElement> Deadlines => [.. Body.GetProperty("deadlines").EnumerateArray()];

    /// <summary>The current (last started) deadline of a kind.</summary>
    public JsonElement Deadline(string kind) => Deadlines.Last(d => d.GetProperty("kind").GetString() == kind);

    // A problem.
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>The field names of a 400 answer's <c>errors</c>.</summary>
    public IReadOnlyList<string> ErrorFields =>
        Body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(p => p.Name)] : [];

    public static IReadOnlyList<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var raw = await response.Content.ReadAsStringAsync();
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var isJson = mediaType is not null && mediaType.Contains("json", StringComparison.Ordinal);
            var body = raw.Length > 0 && isJson ? JsonDocument.Parse(raw).RootElement.Clone() : default;
            return new ApiResponse(response.StatusCode, body, raw, response.Headers, mediaType);
        }
    }

    public override string ToString() => $"{StatusCode} {RawBody}";
}
