using System.Globalization;

namespace CaseGrains.Api.Http;

/// <summary>A case's version as an HTTP entity tag, and If-Match read back into a version.</summary>
public static class CaseETag
{
    public static string Of(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version If-Match requires; null when the header is absent or <c>*</c>.</summary>
    public static (long? Version, IResult? Error) ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0 || header == "*")
        {
            return (null, null);
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' &&
            long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (version, null);
        }

        return (null, Problems.Invalid("If-Match", "If-Match must be the case's ETag, e.g. \"3\"."));
    }
}
