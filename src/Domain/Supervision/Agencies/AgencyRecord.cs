using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// What the platform knows about one enforcement agency (行政执法机关) from the cases against it (办理一案、规范一片): every
/// finding, once per case; the counts per flaw kind and the correction rate derived from them; and the supervision notices
/// it drafted or was told of. Immutable: <see cref="Handle"/> answers each message with the next record and the event that
/// records the change. The behaviour is split across the partial files next to this one.
/// </summary>
/// <remarks>
/// One pattern, one notice: a pattern of a flaw kind is absorbed by the open notice for that kind when there is one, and
/// only otherwise drafts a new notice. Because the record handles one message at a time, many cases deciding at once cannot
/// draft two notices; because a pattern is cited whole when its last member arrives, the notices and their citations do not
/// depend on the order the findings arrive in or on findings delivered twice.
/// </remarks>
public sealed partial record AgencyRecord
{
    /// <summary>The agency's id.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The agency's region path, for its pattern rule (<see cref="PatternRules.For"/>) and for filters.</summary>
    public required string RegionPath { get; init; }

    /// <summary>One per case or complaint, in the order first recorded; a later finding of a case replaces it in place.</summary>
    /// <remarks>Setting it indexes the findings and counts them once; recording a finding then updates the list, the index
    /// and the counts in place of the one finding (logarithmic in their number), never copying or walking them all.</remarks>
    public IReadOnlyList<AgencyFinding> Findings
    {
        get => FindingList;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            FindingList = [.. value];
            Positions = FindingList.Select((f, i) => KeyValuePair.Create(f.CaseId, i)).ToImmutableDictionary(StringComparer.Ordinal);
            Tally = FindingTally.Of(FindingList);
            patternIndex = null;
        }
    }

    /// <summary>How many findings correct the agency.</summary>
    [JsonIgnore]
    public int Corrections => Tally.Corrections;

    private ImmutableList<AgencyFinding> FindingList { get; init; } = [];

    /// <summary>Where each case's finding stands in <see cref="FindingList"/>.</summary>
    private ImmutableDictionary<string, int> Positions { get; init; } = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);

    private FindingTally Tally { get; init; } = FindingTally.Empty;

    /// <summary>The supervision notices drafted or tracked, in that order.</summary>
    public IReadOnlyList<AgencyNotice> Notices
    {
        get => notices;
        init
        {
            notices = value;
            patternIndex = null;
            citationKeys = citationKeys.Clear();
        }
    }

    private readonly IReadOnlyList<AgencyNotice> notices = [];

    /// <summary>The citation keys of open notices' cited cases, by notice id, built when a notice first absorbs a case and
    /// kept up to date by <see cref="Citing"/>; dropped whenever the notices are set, except by <see cref="Detect"/>, which
    /// sets them after the notices.</summary>
    private ImmutableDictionary<string, ImmutableSortedSet<(DateOnly Day, string CaseId)>> citationKeys =
        ImmutableDictionary.Create<string, ImmutableSortedSet<(DateOnly Day, string CaseId)>>(StringComparer.Ordinal);

    /// <summary>Built when a finding first needs it; dropped whenever the findings or the notices are set, except where
    /// the record keeps it up to date itself (a finding recorded, cases cited by an open notice).</summary>
    private PatternIndex? patternIndex;

    private PatternIndex Patterns => patternIndex ??= PatternIndex.Of(FindingList, Notices);

    /// <summary>The empty record of <paramref name="agency"/>, whose region has the path <paramref name="regionPath"/>.</summary>
    /// <exception cref="ArgumentException">It is not an enforcement agency, or the path is not its region's.</exception>
    public static AgencyRecord Open(Organisation agency, string regionPath)
    {
        ArgumentNullException.ThrowIfNull(agency);
        if (agency.Kind != OrganisationKind.EnforcementAgency)
        {
            throw new ArgumentException($"{agency.Id} is a {agency.Kind}, not an enforcement agency.", nameof(agency));
        }

        if (!RegionPaths.IsWellFormed(regionPath) || RegionPaths.SelfAndAncestors(regionPath)[0] != agency.RegionId)
        {
            throw new ArgumentException($"'{regionPath}' is not the path of the agency's region {agency.RegionId}.", nameof(regionPath));
        }

        return new() { Id = agency.Id, Name = agency.Name, RegionPath = regionPath };
    }

    public AgencyFinding? FindingOf(string caseId) => PositionOf(caseId) is { } position ? FindingList[position] : null;

    /// <summary>Where the finding of <paramref name="caseId"/> stands in <see cref="Findings"/>; null when there is none.</summary>
    public int? PositionOf(string caseId) => Positions.TryGetValue(caseId, out var position) ? position : null;

    /// <summary>The open notice that absorbs new cases with <paramref name="flaw"/>: the first one drafted or tracked.</summary>
    public AgencyNotice? OpenNoticeFor(FlawKind flaw) => Notices.FirstOrDefault(n => n.IsOpen && n.Flaws.Contains(flaw));

    /// <summary>How many corrections named each flaw kind, over the findings whose day lies in the range (both ends
    /// included; open ends unbounded). A correction that names two kinds counts once for each.</summary>
    public IReadOnlyDictionary<FlawKind, int> FlawCounts(DateOnly? from = null, DateOnly? to = null) =>
        from is null && to is null
            ? Tally.Flaws.ToDictionary()
            : Findings
                .Where(f => f.IsCorrection && (from is null || f.FoundOn >= from) && (to is null || f.FoundOn <= to))
                .SelectMany(f => f.Flaws)
                .GroupBy(k => k)
                .OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// 纠错率 as far as the agency is told: corrections (correcting decisions and self-corrections) over the reconsideration
    /// findings it was told of; null before it was told of any. The platform-wide figure of domain.md divides by every case
    /// ended, which only the statistics see; complaints are not reconsideration cases and count in neither part.
    /// </summary>
    public decimal? CorrectionRate() =>
        Tally.Reconsiderations == 0 ? null : (decimal)Tally.ReconsiderationCorrections / Tally.Reconsiderations;

    /// <summary>Answers one message: refused as invalid when it is malformed, unchanged when it repeats what the record
    /// knows, otherwise the next record and its event.</summary>
    public Transition<AgencyRecord, AgencyEvent> Handle(AgencyCommand command, PatternRules rules, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(context);
        return command switch
        {
            RecordFinding c => Execute(c, rules, context),
            TrackNotice c => Execute(c, context),
            RecordNoticeFinished c => Execute(c, context),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a message an agency's record knows.", nameof(command)),
        };
    }

    private static Transition<AgencyRecord, AgencyEvent> Refuse(Refusal refusal) => Transition<AgencyRecord, AgencyEvent>.Refused(refusal);

    private static Transition<AgencyRecord, AgencyEvent> Succeed(AgencyRecord state, AgencyEvent @event) =>
        Transition<AgencyRecord, AgencyEvent>.Succeeded(state, @event);

    private Transition<AgencyRecord, AgencyEvent> Unchanged(string code, string title, string detail) =>
        Transition<AgencyRecord, AgencyEvent>.Unchanged(this, Refusal.NothingToDo(code, title, detail));
}
