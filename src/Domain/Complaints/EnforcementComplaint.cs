using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Domain.Complaints;

/// <summary>
/// An enforcement complaint or report (行政执法投诉举报) as it stands after its last change: received, verified or rejected
/// as out of scope, handled (substantiated with corrective action, or not), answered within the configured period, closed.
/// A substantiated complaint is a finding against the agency (<see cref="Finding"/>), like a corrected reconsideration
/// case. Immutable: <see cref="Receive"/> opens one and <see cref="Handle"/> answers each later command with the next
/// state and its event, or the reason it was refused.
/// </summary>
public sealed partial record EnforcementComplaint
{
    public required string Id { get; init; }

    public required ComplaintKind Kind { get; init; }

    public required ComplaintStatus Status { get; init; }

    /// <summary>Null for an anonymous report.</summary>
    public Complainant? Complainant { get; init; }

    public required string AgencyId { get; init; }

    public required string AgencyName { get; init; }

    /// <summary>The agency's region path, for filters over a region and its subregions.</summary>
    public required string RegionPath { get; init; }

    /// <summary>The supervision office that handles it.</summary>
    public required string HandlingOfficeId { get; init; }

    public required string Conduct { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The answer period in force when it was received, so that the record and its deadline agree.</summary>
    public required StatutoryPeriod AnswerPeriod { get; init; }

    public ComplaintVerification? Verification { get; init; }

    public ComplaintRejection? Rejection { get; init; }

    public ComplaintHandling? Handling { get; init; }

    public ComplaintAnswer? Answer { get; init; }

    public DateOnly? ClosedOn { get; init; }

    /// <summary>逾期未答复: the answer period ran out first. Kept once set, for statistics.</summary>
    public bool AnswerOverdue { get; init; }

    /// <summary>Append-only, as on a case: a deadline's position is its reminder identity.</summary>
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    public IReadOnlyList<FiredReminder> FiredReminders { get; init; } = [];

    /// <summary>What a substantiated complaint tells the agency, at the complaint's <paramref name="version"/>; null
    /// otherwise. It counts toward the agency's patterns like a corrected case; it is no reconsideration case, so it does
    /// not enter the correction rate.</summary>
    public AgencyFinding? Finding(long version) => Handling is { Substantiated: true } handling
        ? new()
        {
            Source = FindingSource.Complaint,
            CaseId = Id,
            AgencyId = AgencyId,
            FoundOn = handling.HandledOn,
            Flaws = handling.Flaws,
            LegalBasis = handling.LegalBasis,
            SourceVersion = version,
        }
        : null;

    public Deadline? CurrentDeadline(DeadlineKind kind) => Deadlines.LastOrDefault(d => d.Kind == kind);
}
