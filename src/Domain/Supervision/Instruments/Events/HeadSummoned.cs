using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>约谈 (Art. 77).</summary>
public sealed record HeadSummoned : InstrumentEvent
{
    public required string Summary { get; init; }

    public required DateOnly HeldOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.SummonHead;
}
