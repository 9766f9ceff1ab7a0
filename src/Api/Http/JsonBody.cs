using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
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
            var detail = Describe(exception);
            return (null, raw, Problems.Invalid(FieldsOf(exception).ToDictionary(f => f, _ => new[] { detail })));
        }
        catch (NotSupportedException) when (typeof(T).GetCustomAttribute<JsonPolymorphicAttribute>() is { } polymorphic)
        {
            // The serializer cannot create an abstract type such as CaseCommand when the body does not say which
            // derived type it is: that is the client's omission, not a server fault.
            var name = polymorphic.TypeDiscriminatorPropertyName ?? "$type";
            return (null, raw, Problems.Invalid("$." + name, $"The body must name its kind in the \"{name}\" property."));
        }
    }

    /// <summary>The offending field, or each missing required field as its own entry so that clients can mark them all.</summary>
    private static IEnumerable<string> FieldsOf(JsonException exception)
    {
        var path = exception.Path ?? "$";
        var missing = MissingProperties().Match(exception.Message);
        if (missing.Success)
        {
            var names = missing.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\''));
            return names.Select(n => path == "$" ? "$." + n : path + "." + n).Distinct(StringComparer.Ordinal);
        }

        return [path];
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
