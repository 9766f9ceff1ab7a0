using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CaseGrains.Api.Http;

/// <summary>
/// Reads a request body strictly (unknown properties, wrong types, missing required members, integer enums and
/// malformed dates are errors) and names the offending field, instead of model binding's bare 400. Before any
/// of that, a body over <see cref="MaxBytes"/> is refused with 413, and a string with a control character
/// (other than tab and line breaks) or longer than <see cref="MaxStringLength"/> with 400.
/// </summary>
public static partial class JsonBody
{
    public const int MaxBytes = 256 * 1024;
    public const int MaxStringLength = 10_000;

    public static async Task<(T? Value, byte[] Raw, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options)
        where T : class
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, [], Problems.Invalid("$", "The body must be JSON (Content-Type: application/json)."));
        }

        var raw = await ReadCappedAsync(request);
        if (raw is null)
        {
            return (null, [], Results.Problem(Problems.Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "请求内容过大",
                $"The body exceeds {MaxBytes} bytes.")));
        }

        if (HostileString(raw) is { } hostile)
        {
            return (null, raw, Problems.Invalid(hostile.Path, hostile.Problem));
        }

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

    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The first string (value or property name) a client should never send, with where it is.</summary>
    private static (string Path, string Problem)? HostileString(byte[] raw)
    {
        // One frame per open object or array: the property being read, or the index of the element.
        var frames = new List<(bool IsArray, string? Property, int Index)>();
        var reader = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = 32 });
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName) && frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                }

                switch (token)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Add((token == JsonTokenType.StartArray, null, -1));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName or JsonTokenType.String:
                        if (!TryGetString(ref reader, out var text))
                        {
                            if (token == JsonTokenType.PropertyName)
                            {
                                frames[^1] = frames[^1] with { Property = null };
                            }

                            return (Path(frames), "a text must be valid Unicode: well-formed UTF-8 and no unpaired surrogate (\\ud800-\\udfff)");
                        }

                        if (token == JsonTokenType.PropertyName)
                        {
                            frames[^1] = frames[^1] with { Property = text };
                        }

                        if (Check(text, frames) is { } hostile)
                        {
                            return hostile;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is reported, with its position, by the deserializer that runs next.
        }

        return null;
    }

    private static (string Path, string Problem)? Check(string text, List<(bool IsArray, string? Property, int Index)> frames)
    {
        if (text.Length > MaxStringLength)
        {
            return (Path(frames), $"a text is at most {MaxStringLength} characters");
        }

        return TextSafety.ProblemWith(text) is { } problem ? (Path(frames), problem) : null;
    }

    private static string Path(List<(bool IsArray, string? Property, int Index)> frames) =>
        "$" + string.Concat(frames.Select(f => f.IsArray ? $"[{f.Index}]" : f.Property is null ? string.Empty : "." + f.Property));

    /// <summary>The string token's text; false when it is not valid Unicode (invalid UTF-8, or an escaped unpaired
    /// surrogate such as <c>\ud800</c>), which the reader refuses with an <see cref="InvalidOperationException"/>
    /// rather than a <see cref="JsonException"/>.</summary>
    private static bool TryGetString(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
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
