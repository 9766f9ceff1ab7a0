using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace CaseGrains.Domain.Serialization;

/// <summary>
/// The JSON shape of domain values: camelCase names, enums as camelCase strings (never numbers), dates as ISO
/// 8601. Dictionary keys are data (idempotency keys, field names) and are written exactly as they are. <see cref="Storage"/> reads snapshots leniently so that a removed property does not break old rows;
/// <see cref="Strict"/> is for input from outside, where anything unexpected is an error.
/// </summary>
public static class DomainJson
{
    public static JsonSerializerOptions Storage { get; } = Create(strict: false);

    public static JsonSerializerOptions Strict { get; } = Create(strict: true);

    public static void Apply(JsonSerializerOptions options, bool strict)
    {
        // Chinese text stays readable in stored snapshots, history payloads and responses instead of \uXXXX.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = !strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.AllowOutOfOrderMetadataProperties = true;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        }
    }

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options, strict);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
