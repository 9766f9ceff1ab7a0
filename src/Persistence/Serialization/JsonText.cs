using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CaseGrains.Persistence.Serialization;

/// <summary>
/// Whether a text is one JSON value, as PostgreSQL's <c>jsonb</c> would take it, checked by reading its tokens once.
/// Every commit checks its snapshot and payloads before it is written; building a <see cref="JsonDocument"/> for that
/// was 5% of the process's CPU in bench <c>transitions-memory</c>, for documents nobody then read.
/// </summary>
internal static class JsonText
{
    private const int StackLimit = 512;

    /// <summary>Text that cannot be UTF-8 is refused as <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/>
    /// refuses it: with an <see cref="ArgumentException"/>.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when <paramref name="json"/> is one complete JSON value (an object, when
    /// <paramref name="objectOnly"/>), otherwise what is wrong with it.</summary>
    public static string? Problem(string json, bool objectOnly = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        var maxBytes = StrictUtf8.GetMaxByteCount(json.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var utf8 = buffer[..StrictUtf8.GetBytes(json, buffer)];
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read())
            {
                return "there is no JSON value.";
            }

            if (objectOnly && reader.TokenType != JsonTokenType.StartObject)
            {
                return "it is not a JSON object.";
            }

            reader.Skip();
            return reader.Read() ? "there is more after the JSON value." : null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
