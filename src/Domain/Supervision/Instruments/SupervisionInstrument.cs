using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// A supervision instrument: an opinion letter (行政复议意见书, Art. 76) or a supervision notice (行政执法监督通知书) telling an
/// agency to correct itself and report back. One type for both, because they run the same lifecycle — drafted, approved and
/// issued under a number, received, rectification reported, accepted or sent back, closed; overdue with the Art. 77
/// follow-ups and escalation — and differ only in data: who issues them, what they cite, how they are numbered and how
/// long the agency has (<see cref="RectificationPeriod"/>). Immutable: a factory drafts one, <see cref="Handle"/> answers
/// each later command with the next state and its event, or the reason it was refused.
/// </summary>
public sealed partial record SupervisionInstrument
{
    public required string Id { get; init; }

    public required InstrumentKind Kind { get; init; }

    public required InstrumentOrigin Origin { get; init; }

    public required InstrumentStatus Status { get; init; }

    /// <summary>The agency told to correct itself: the case's respondent for an opinion letter.</summary>
    public required string AgencyId { get; init; }

    public required string AgencyName { get; init; }

    public required string AgencyRegionPath { get; init; }

    /// <summary>The reconsideration body (opinion letter) or supervision office (notice) that issues it.</summary>
    public required string IssuingBodyId { get; init; }

    public required string IssuingBodyRegionPath { get; init; }


    /// <summary>How long the agency has from receipt: 60 natural days for an opinion letter (Art. 76), the configured
    /// period for a notice. Fixed when drafted, so the issued document and the deadline agree.</summary>
    public required StatutoryPeriod RectificationPeriod { get; init; }

    /// <summary>The flaw kinds it is about: the pattern's one kind for a pattern notice.</summary>
    public IReadOnlyList<FlawKind> Flaws { get; init; } = [];

    /// <summary>The cases it cites, in citation order (<see cref="InCitationOrder"/>).</summary>
    /// <remarks>Held as an immutable list so that citing a case puts it in its place (logarithmic in the citations held)
    /// instead of copying and sorting them all: a pattern notice may absorb tens of thousands of cases.</remarks>
    public required IReadOnlyList<Citation> Citations
    {
        get => CitationList;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            CitationList = value as ImmutableList<Citation> ?? [.. value];
            citedCaseIds = null;
        }
    }

    private ImmutableList<Citation> CitationList { get; init; } = [];

    /// <summary>Built when a cite first needs it; dropped whenever the citations are set, except by a cite, which keeps it
    /// up to date itself.</summary>
    private ImmutableHashSet<string>? citedCaseIds;

    private ImmutableHashSet<string> CitedCaseIds => citedCaseIds ??= CitationList.Select(c => c.CaseId).ToImmutableHashSet(StringComparer.Ordinal);

    public required string Title { get; init; }

    /// <summary>存在的问题.</summary>
    public required string Problems { get; init; }

    /// <summary>整改要求 / 意见和建议.</summary>
    public required string Requirements { get; init; }

    public required DateOnly DraftedOn { get; init; }

    public DateOnly? DiscardedOn { get; init; }

    public string? DiscardReason { get; init; }

    public DocumentNumber? Number { get; init; }

    public string? ApprovedBy { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    public IReadOnlyList<RectificationReport> Reports { get; init; } = [];

    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    public IReadOnlyList<Escalation> Escalations { get; init; } = [];

    /// <summary>The region path of the supervisor the matter sits with: the issuer's, one level higher after each
    /// <see cref="Escalation"/>.</summary>
    [JsonIgnore]
    public string SupervisorRegionPath => Escalations.Count == 0 ? IssuingBodyRegionPath : Escalations[^1].ToRegionPath;

    /// <summary>逾期未报送: a period ran out before the agency reported. Kept once set, so that the instrument counts as
    /// overdue in statistics however it ends.</summary>
    public bool RectificationOverdue { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    /// <summary>Every deadline run, in the order started; append-only, a deadline's position is its reminder identity
    /// (<see cref="ScheduledReminder.DeadlineId"/>), as on a case.</summary>
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    public IReadOnlyList<FiredReminder> FiredReminders { get; init; } = [];

    /// <summary>Whether a notice still takes in new cases of its flaws: until its rectification is accepted, or it is
    /// discarded or closed. When this turns false the grain tells the agency's record (<see cref="RecordNoticeFinished"/>).</summary>
    [JsonIgnore]
    public bool AbsorbsCases => Kind == InstrumentKind.SupervisionNotice
        && Status is not (InstrumentStatus.Discarded or InstrumentStatus.Accepted or InstrumentStatus.Closed);

    /// <summary>The deadline of <paramref name="kind"/> in force, or null when none was ever started.</summary>
    public Deadline? CurrentDeadline(DeadlineKind kind) => Deadlines.LastOrDefault(d => d.Kind == kind);

    /// <summary>What the agency's record is told of a notice it did not draft (a converted case), so that it absorbs later
    /// patterns of the same flaws.</summary>
    /// <exception cref="InvalidOperationException">It is an opinion letter or a pattern notice, which the record drafted.</exception>
    public TrackNotice ToTrackNotice() => Kind == InstrumentKind.SupervisionNotice && Origin == InstrumentOrigin.CaseConversion
        ? new() { NoticeId = Id, Flaws = Flaws, CaseIds = [.. Citations.Select(c => c.CaseId)] }
        : throw new InvalidOperationException($"Instrument {Id} is a {Origin} {Kind}; only a converted case's notice is tracked this way.");
}
