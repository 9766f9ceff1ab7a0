using CaseGrains.Domain.Cases;

namespace CaseGrains.Bench.Reminders;

/// <summary>A case as <see cref="CaseLife.Live"/> left it at T: its state and every change it went through, in order.</summary>
public sealed record LivedCase(ReconsiderationCase State, IReadOnlyList<LifeCommit> Commits);

/// <summary>One change of a lived case: the event, when, by whom and why, as the case grain records it in the history.</summary>
public sealed record LifeCommit(CaseEvent Event, DateTimeOffset At, string ActorUserId, string ActorOrganisationId, string? Reason);
