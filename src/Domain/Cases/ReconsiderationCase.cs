using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// A reconsideration case (行政复议案件) as it stands after its last change. Immutable: <see cref="Receive"/> opens
/// a case and <see cref="Handle"/> answers each later command with the next state and the event that records the
/// change, or with the reason it was refused. The behaviour is split by stage of the workflow across the
/// partial files next to this one.
/// </summary>
public sealed partial record ReconsiderationCase
{
    public required string Id { get; init; }

    public required CaseStatus Status { get; init; }

    /// <summary>Null until the application is accepted.</summary>
    public CaseProcedure? Procedure { get; init; }

    public SimplifiedProcedureGround? SimplifiedGround { get; init; }

    public ProcedureSwitch? SwitchedToOrdinary { get; init; }

    public required Applicant Applicant { get; init; }

    /// <summary>The platform account of an applicant who filed the application themselves; null when staff registered
    /// it. An applicant sees exactly the cases that name their account.</summary>
    public string? ApplicantUserId { get; init; }

    public required ChallengedAct ChallengedAct { get; init; }

    /// <summary>行政复议请求.</summary>
    public required string Claims { get; init; }

    public required ApplicationChannel Channel { get; init; }

    /// <summary>涉企.</summary>
    public bool EnterpriseRelated { get; init; }

    public required string IntakePointId { get; init; }

    /// <summary>The body the intake point received for, which may differ from the competent one (全域受案).</summary>
    public required string ReceivingBodyId { get; init; }

    /// <summary>The body that accepts and decides the case (Art. 24).</summary>
    public required string CompetentBodyId { get; init; }

    /// <summary>被申请人.</summary>
    public required string RespondentAgencyId { get; init; }

    public required string RespondentAgencyName { get; init; }

    /// <summary>The respondent agency's region path, for filters over a region and its subregions.</summary>
    public required string RegionPath { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required FilingPeriod FilingPeriod { get; init; }

    public CorrectionRequest? Correction { get; init; }

    public PreFilingResolution? PreFilingResolution { get; init; }

    public NotAcceptance? NotAcceptance { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    /// <summary>视为受理: the review period ended without a decision on the application (Art. 30).</summary>
    public bool AcceptedByOperationOfLaw { get; init; }

    /// <summary>Why an application received after the filing period was accepted all the same (Art. 20(2)).</summary>
    public string? JustifiedDelay { get; init; }

    /// <summary>重大、疑难、复杂.</summary>
    public bool IsMajor { get; init; }

    public DateOnly? CopySentOn { get; init; }

    public DateOnly? ReplyReceivedOn { get; init; }

    /// <summary>被申请人逾期未答复: the act is treated as having no evidence (Art. 70).</summary>
    public bool NoReplyRecorded { get; init; }

    public Hearing? Hearing { get; init; }

    public CommitteeConsultation? Committee { get; init; }

    public Mediation? Mediation { get; init; }

    public Settlement? Settlement { get; init; }

    public Suspension? Suspension { get; init; }

    public DecisionPeriodExtension? Extension { get; init; }

    public Decision? Decision { get; init; }

    public Termination? Termination { get; init; }

    /// <summary>How the case ended; null while it is open.</summary>
    public CaseEnding? Ending { get; init; }

    public DateOnly? EndedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public IReadOnlyList<PostDecisionQaEntry> PostDecisionQa { get; init; } = [];

    /// <summary>Every deadline the case has run, in the order started; the current one of a kind is the last. Append-only:
    /// a deadline's position is its identity for reminders (<see cref="ScheduledReminder.DeadlineId"/>), so a change
    /// replaces it in place and a new deadline is added at the end.</summary>
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    /// <summary>The reminder steps recorded, each for a deadline and the due date it had then.</summary>
    public IReadOnlyList<FiredReminder> FiredReminders { get; init; } = [];

    /// <summary>超期未决: the decision period ran out before the case was decided (Art. 62). Set when the overdue step
    /// fires and kept, so that the case counts as overdue in statistics however it ends.</summary>
    public bool DecisionOverdue { get; init; }
}
