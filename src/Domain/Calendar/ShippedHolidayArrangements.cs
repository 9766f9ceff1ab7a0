using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Calendar;

/// <summary>The holiday arrangements that ship with the product (2025 and 2026, from the State Council's notices).</summary>
public static class ShippedHolidayArrangements
{
    private static readonly Lazy<IReadOnlyList<HolidayYear>> Years = new(Load);

    public static IReadOnlyList<HolidayYear> All => Years.Value;

    private static IReadOnlyList<HolidayYear> Load()
    {
        using var stream = typeof(ShippedHolidayArrangements).Assembly.GetManifestResourceStream("CaseGrains.Domain.cn-holidays.json")
            ?? throw new InvalidOperationException("The shipped holiday arrangements are missing from the assembly.");
        var file = JsonSerializer.Deserialize<HolidayFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The shipped holiday arrangements are empty.");
        return [.. file.Years.Select(y => new HolidayYear(int.Parse(y.Key, System.Globalization.CultureInfo.InvariantCulture), y.Value.Off, y.Value.MakeupWorkdays))];
    }

    private sealed record HolidayFile([property: JsonPropertyName("years")] Dictionary<string, HolidayFileYear> Years);

    private sealed record HolidayFileYear(IReadOnlyList<HolidayDate> Off, IReadOnlyList<HolidayDate> MakeupWorkdays);
}
