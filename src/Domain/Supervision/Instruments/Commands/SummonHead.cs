using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>约谈 (Art. 77): the head of the overdue agency was summoned.</summary>
public sealed record SummonHead : InstrumentCommand
{
    public required string Summary { get; init; }

    /// <summary>The day the talk was held, when recorded later; today when not given.</summary>
    public DateOnly? HeldOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.SummonHead;
}
