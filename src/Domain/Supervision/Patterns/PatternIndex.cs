using System.Collections.Immutable;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// What pattern detection needs of an agency's record, per flaw kind, so that a finding costs lookups in sorted sets
/// rather than a walk of every finding the agency ever had: the findings that count toward a pattern of the kind and no
/// finished notice dealt with (the candidates), in citation order, and those of them the kind's open notice does not cite
/// yet. Immutable. Recording a finding and citing cases keep it up to date; a notice drafted, tracked or finished changes
/// which cases count or which notice is open, and the record then builds it again (<see cref="Of"/>).
/// </summary>
/// <remarks>
/// A pattern is the union of every window of at most <see cref="PatternRule.WindowDays"/> days that holds the finding and
/// at least <see cref="PatternRule.Occurrences"/> candidates. The union is what makes the result independent of the order
/// findings arrive in: every qualifying window is complete when its last member arrives, and is then cited whole. The
/// largest window starting on a day holds every smaller one starting then, and all those holding the finding overlap it,
/// so the union is one range of days: from the first qualifying start to the last one's end.
/// </remarks>
internal sealed class PatternIndex
{
    private readonly ImmutableDictionary<FlawKind, ForFlaw> byFlaw;

    private PatternIndex(ImmutableDictionary<FlawKind, ForFlaw> byFlaw) => this.byFlaw = byFlaw;

    /// <summary>The index of <paramref name="findings"/> as <paramref name="notices"/> (in record order) stand.</summary>
    public static PatternIndex Of(IEnumerable<AgencyFinding> findings, IReadOnlyList<AgencyNotice> notices)
    {
        var byFlaw = findings
            .Where(f => f.IsCorrection)
            .SelectMany(f => f.Flaws.Select(flaw => (Flaw: flaw, Finding: f)))
            .GroupBy(x => x.Flaw, x => PatternCandidate.Of(x.Finding))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var flaw in notices.SelectMany(n => n.Flaws))
        {
            byFlaw.TryAdd(flaw, []);
        }

        return new(byFlaw.ToImmutableDictionary(kv => kv.Key, kv => ForFlaw.Of(kv.Key, kv.Value, notices)));
    }

    /// <summary>Whether <paramref name="finding"/> counts toward a pattern of <paramref name="flaw"/> and no finished notice
    /// of the kind dealt with its case.</summary>
    public bool IsCandidate(FlawKind flaw, AgencyFinding finding) =>
        byFlaw.TryGetValue(flaw, out var index) && index.All.Contains(PatternCandidate.Of(finding));

    /// <summary>The days (both ends included) of the pattern of <paramref name="flaw"/> that a candidate of
    /// <paramref name="day"/> belongs to; null when it belongs to none.</summary>
    public (int From, int To)? PatternDays(FlawKind flaw, DateOnly day, PatternRule rule)
    {
        if (!byFlaw.TryGetValue(flaw, out var index))
        {
            return null;
        }

        var all = index.All;
        var found = day.DayNumber;
        int? first = null, last = null;
        for (var i = FirstOn(all, found - rule.WindowDays); i < all.Count && all[i].Day <= found;)
        {
            var start = all[i].Day;
            var next = FirstOn(all, start + 1);
            if (FirstOn(all, start + rule.WindowDays + 1) - i >= rule.Occurrences)
            {
                first ??= start;
                last = start;
            }

            i = next;
        }

        return first is null ? null : (first.Value, last!.Value + rule.WindowDays);
    }

    /// <summary>The cases of the candidates of <paramref name="flaw"/> found on the days given, in citation order.</summary>
    public IReadOnlyList<string> Candidates(FlawKind flaw, (int From, int To) days) => Between(byFlaw[flaw].All, days);

    /// <summary>The cases of <see cref="Candidates"/> that the open notice of <paramref name="flaw"/> does not cite yet.</summary>
    public IReadOnlyList<string> Uncited(FlawKind flaw, (int From, int To) days) => Between(byFlaw[flaw].Uncited, days);

    /// <summary>The index once <paramref name="finding"/> replaced <paramref name="earlier"/>, or was added when there was
    /// none.</summary>
    public PatternIndex With(AgencyFinding? earlier, AgencyFinding finding)
    {
        var byFlaw = this.byFlaw;
        if (earlier is { IsCorrection: true })
        {
            var key = PatternCandidate.Of(earlier);
            foreach (var flaw in earlier.Flaws)
            {
                byFlaw = byFlaw.SetItem(flaw, byFlaw[flaw].Without(key));
            }
        }

        if (finding.IsCorrection)
        {
            var key = PatternCandidate.Of(finding);
            foreach (var flaw in finding.Flaws)
            {
                byFlaw = byFlaw.SetItem(flaw, byFlaw.GetValueOrDefault(flaw, ForFlaw.Empty).With(key));
            }
        }

        return new(byFlaw);
    }

    /// <summary>The index once <paramref name="notice"/>, open, also cites <paramref name="cited"/>: for every kind it is
    /// the open notice of, those cases are no longer uncited.</summary>
    public PatternIndex Citing(AgencyNotice notice, IEnumerable<AgencyFinding> cited)
    {
        var keys = cited.Select(PatternCandidate.Of).ToList();
        var byFlaw = this.byFlaw;
        foreach (var flaw in notice.Flaws)
        {
            if (byFlaw.TryGetValue(flaw, out var index) && index.OpenNoticeId == notice.Id)
            {
                byFlaw = byFlaw.SetItem(flaw, index.Citing(keys));
            }
        }

        return new(byFlaw);
    }

    private static IReadOnlyList<string> Between(ImmutableSortedSet<PatternCandidate> set, (int From, int To) days)
    {
        var cases = new List<string>();
        for (var i = FirstOn(set, days.From); i < set.Count && set[i].Day <= days.To; i++)
        {
            cases.Add(set[i].CaseId);
        }

        return cases;
    }

    /// <summary>The position of the first candidate of <paramref name="day"/> or later.</summary>
    private static int FirstOn(ImmutableSortedSet<PatternCandidate> set, int day)
    {
        var position = set.IndexOf(PatternCandidate.StartOf(day));
        return position >= 0 ? position : ~position;
    }

    /// <summary>One flaw kind's part: the candidates, those the open notice does not cite, the cases finished notices dealt
    /// with (they count no more) and the open notice's citations (a new candidate cited there is not uncited).</summary>
    private sealed record ForFlaw(
        ImmutableSortedSet<PatternCandidate> All,
        ImmutableSortedSet<PatternCandidate> Uncited,
        ImmutableHashSet<string> DealtWith,
        string? OpenNoticeId,
        ImmutableHashSet<string> OpenCited)
    {
        public static ForFlaw Empty { get; } = new([], [], ImmutableHashSet.Create<string>(StringComparer.Ordinal), null,
            ImmutableHashSet.Create<string>(StringComparer.Ordinal));

        public static ForFlaw Of(FlawKind flaw, IEnumerable<PatternCandidate> candidates, IReadOnlyList<AgencyNotice> notices)
        {
            var dealtWith = notices.Where(n => !n.IsOpen && n.Flaws.Contains(flaw)).SelectMany(n => n.CitedCaseIds).ToImmutableHashSet(StringComparer.Ordinal);
            var open = notices.FirstOrDefault(n => n.IsOpen && n.Flaws.Contains(flaw));
            var openCited = open?.CitedCaseIds.ToImmutableHashSet(StringComparer.Ordinal) ?? Empty.OpenCited;
            var all = candidates.Where(c => !dealtWith.Contains(c.CaseId)).ToImmutableSortedSet();
            return new(all, all.Except(all.Where(c => openCited.Contains(c.CaseId))), dealtWith, open?.Id, openCited);
        }

        public ForFlaw With(PatternCandidate key) =>
            DealtWith.Contains(key.CaseId) ? this
            : this with { All = All.Add(key), Uncited = OpenCited.Contains(key.CaseId) ? Uncited : Uncited.Add(key) };

        public ForFlaw Without(PatternCandidate key) => this with { All = All.Remove(key), Uncited = Uncited.Remove(key) };

        public ForFlaw Citing(IReadOnlyList<PatternCandidate> keys) =>
            this with { Uncited = Uncited.Except(keys), OpenCited = OpenCited.Union(keys.Select(k => k.CaseId)) };
    }
}
