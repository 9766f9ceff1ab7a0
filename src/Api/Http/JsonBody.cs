using System.Text.Json;
using System.Text.RegularExpressions;

namespace CaseGrains.Api.Http;

/// <summary>
/// Reads a request body strictly (unknown properties, wrong types, missing required members, integer enums and
/// malformed dates are errors) and names the offending field, instead of model binding's bare 400.
/// </summary>
public static partial class JsonBody
{
    public static async Task<(T? Value, byte[] Raw, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options)
        where T : class
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, [], Problems.Invalid("$", "The body must be JSON (Content-Type: application/json)."));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var raw = buffer.ToArray();
        try
        {
            var value = JsonSerializer.Deserialize<T>(raw, options);
            return value is null
                ? (null, raw, Problems.Invalid("$", "The body must be a JSON object, not null."))
                : (value, raw, null);
        }
        catch (JsonException exception)
        {
            return (null, raw, Problems.Invalid(FieldOf(exception), Describe(exception)));
        }
    }

    private static string FieldOf(JsonException exception)
    {
        var path = exception.Path ?? "$";
        var missing = MissingProperties().Match(exception.Message);
        if (missing.Success)
        {
            var names = missing.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\''));
            return string.Join(", ", names.Select(n => path == "$" ? "$." + n : path + "." + n));
        }

        return path;
    }

    private static string Describe(JsonException exception)
    {
        // The serializer's messages name .NET types; keep the part a client can act on.
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex(@"missing required properties including: (.+?)\.?(?: Path:|$)")]
    private static partial Regex MissingProperties();
}
