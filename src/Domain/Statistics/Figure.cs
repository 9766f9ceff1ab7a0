using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Statistics;

/// <summary>
/// A rate with the counts it is made of. <see cref="Rate"/> is the share (0 to 1, four decimals, rounded half away
/// from zero) or null when there is nothing to divide by: "no cases ended" is not a closure rate of 0%. The null is
/// written out, not left out, so that a reader sees the rate exists and has no value.
/// </summary>
public sealed record Figure(long Numerator, long Denominator)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? Rate => Denominator == 0
        ? null
        : Math.Round((decimal)Numerator / Denominator, 4, MidpointRounding.AwayFromZero);
}
