using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>责令限期履行 (Art. 77): the overdue agency is ordered to comply by a date.</summary>
public sealed record OrderCompliance : InstrumentCommand
{
    public required DateOnly ComplyBy { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.OrderCompliance;
}
