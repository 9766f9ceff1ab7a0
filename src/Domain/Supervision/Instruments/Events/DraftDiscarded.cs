using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>不予制发.</summary>
public sealed record DraftDiscarded : InstrumentEvent
{
    public required string Reason { get; init; }

    public required DateOnly DiscardedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.DiscardDraft;
}
