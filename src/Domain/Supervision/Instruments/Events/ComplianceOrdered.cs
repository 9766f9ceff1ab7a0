using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>责令限期履行 (Art. 77).</summary>
public sealed record ComplianceOrdered : InstrumentEvent
{
    public required DateOnly ComplyBy { get; init; }

    public required DateOnly OrderedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.OrderCompliance;
}
