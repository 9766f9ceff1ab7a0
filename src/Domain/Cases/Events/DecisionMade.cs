using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>行政复议决定 made: the case ends.</summary>
public sealed record DecisionMade : CaseEvent
{
    /// <summary>Named so, not <c>Type</c>, because <c>type</c> is the event discriminator.</summary>
    public required DecisionType DecisionType { get; init; }

    public required IReadOnlyList<FlawKind> Findings { get; init; }

    public required string LegalBasis { get; init; }

    public required string Summary { get; init; }

    public required string ApprovedBy { get; init; }

    public required bool OrderNewAct { get; init; }

    public required DateOnly DecidedOn { get; init; }

    public required DateOnly DecisionDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Decide;
}
