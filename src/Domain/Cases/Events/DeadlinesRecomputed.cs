using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>A newly loaded holiday year moved some running deadlines: which ones, from what to what.</summary>
public sealed record DeadlinesRecomputed : CaseEvent
{
    public required DateOnly RecomputedOn { get; init; }

    public required IReadOnlyList<DeadlineChange> Changes { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecomputeDeadlines;
}
