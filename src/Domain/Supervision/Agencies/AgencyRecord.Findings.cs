using System.Collections.Immutable;
using System.Text.Json;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

public sealed partial record AgencyRecord
{
    private Transition<AgencyRecord, AgencyEvent> Execute(RecordFinding command, PatternRules rules, CaseContext context)
    {
        if (command.Finding is null)
        {
            return Refuse(Refusal.Required("finding"));
        }

        if (FindingRefusal(command.Finding, context.Today) is { } invalid)
        {
            return Refuse(invalid);
        }

        var finding = command.Finding with { Flaws = [.. command.Finding.Flaws.Distinct().Order()] };
        var earlier = FindingOf(finding.CaseId);
        if (earlier is not null && earlier.SourceVersion >= finding.SourceVersion)
        {
            return earlier.SourceVersion == finding.SourceVersion
                ? Unchanged("finding_already_recorded", "该认定已经记录", $"The finding of {finding.CaseId} at version {finding.SourceVersion} was already recorded.")
                : Unchanged("finding_stale", "已记录该案件更新的认定", $"{finding.CaseId} is recorded at version {earlier.SourceVersion}, later than {finding.SourceVersion}.");
        }

        // Citations already made stay: a notice is a document, and what it cited was true when it cited it.
        var state = With(earlier, finding);
        var patterns = new List<PatternMatch>();
        if (finding.IsCorrection)
        {
            var rule = rules.For(RegionPath);
            foreach (var flaw in finding.Flaws)
            {
                (state, var match) = state.Detect(finding, flaw, rule, context.Today);
                if (match is not null)
                {
                    patterns.Add(match);
                }
            }
        }

        return Succeed(state, new FindingRecorded { Finding = finding, Replaced = earlier is not null, Patterns = patterns });
    }

    /// <summary>
    /// The pattern of <paramref name="flaw"/> that <paramref name="found"/> completes or extends, if any. A case a finished
    /// notice already cited for this flaw was dealt with there and starts no new pattern; an open notice's cases still count.
    /// </summary>
    private (AgencyRecord State, PatternMatch? Match) Detect(AgencyFinding found, FlawKind flaw, PatternRule rule, DateOnly today)
    {
        var index = Patterns;
        if (!index.IsCandidate(flaw, found) || index.PatternDays(flaw, found.FoundOn, rule) is not { } days)
        {
            return (this, null);
        }

        if (OpenNoticeFor(flaw) is { } open)
        {
            var newly = index.Uncited(flaw, days).Select(id => FindingOf(id)!).ToList();
            if (newly.Count == 0)
            {
                return (this, null);
            }

            var (cited, keys) = Citing(open, newly);
            var absorbed = open with { CitedCaseIds = cited };
            var match = new PatternMatch { NoticeId = open.Id, FlawKind = flaw, DraftsNotice = false, Cited = [.. newly.Select(Citation.Of)] };

            // Setting the notices drops the pattern index and the citation keys, so the ones that know these citations are
            // set after them.
            return (
                this with
                {
                    Notices = [.. Notices.Select(n => n.Id == open.Id ? absorbed : n)],
                    patternIndex = index.Citing(open, newly),
                    citationKeys = citationKeys.SetItem(open.Id, keys),
                },
                match);
        }

        var pattern = index.Candidates(flaw, days).Select(id => FindingOf(id)!).ToList();
        var notice = new AgencyNotice
        {
            Id = NewNoticeId(flaw),
            Origin = InstrumentOrigin.Pattern,
            Flaws = [flaw],
            CitedCaseIds = [.. pattern.Select(f => f.CaseId)],
            DraftedOn = today,
        };
        return (
            this with { Notices = [.. Notices, notice] },
            new PatternMatch { NoticeId = notice.Id, FlawKind = flaw, DraftsNotice = true, Cited = [.. pattern.Select(Citation.Of)] });
    }

    /// <summary>The record with <paramref name="finding"/> in place of <paramref name="earlier"/>, or added when there was
    /// none: the one finding changes in the list, the index, the counts and the pattern index, whatever their size.</summary>
    private AgencyRecord With(AgencyFinding? earlier, AgencyFinding finding) =>
        earlier is null
            ? this with
            {
                FindingList = FindingList.Add(finding),
                Positions = Positions.Add(finding.CaseId, FindingList.Count),
                Tally = Tally.Replace(null, finding),
                patternIndex = patternIndex?.With(null, finding),
            }
            : this with
            {
                FindingList = FindingList.SetItem(Positions[finding.CaseId], finding),
                Tally = Tally.Replace(earlier, finding),
                patternIndex = patternIndex?.With(earlier, finding),
            };

    /// <summary>The cases <paramref name="notice"/> cites with each of <paramref name="newly"/> (none of them cited yet) put
    /// in its place in citation order, and the keys of them all. The keys are kept per open notice, so a notice citing
    /// tens of thousands of cases costs one walk of a tree per new one. Finding each place by a binary search over the
    /// list, whose every probe looked up a cited case's finding, took 8% of a profile of the in-memory transitions bench,
    /// whose decisions all join one agency's open notice.</summary>
    private (ImmutableList<string> Cited, ImmutableSortedSet<(DateOnly Day, string CaseId)> Keys) Citing(AgencyNotice notice, IEnumerable<AgencyFinding> newly)
    {
        var cited = notice.CitedCaseIds as ImmutableList<string> ?? [.. notice.CitedCaseIds];
        var keys = citationKeys.GetValueOrDefault(notice.Id) ?? ImmutableSortedSet.CreateRange(CitationKeyOrder, cited.Select(CitationKey));
        foreach (var finding in newly)
        {
            var key = (finding.FoundOn, finding.CaseId);
            keys = keys.Add(key);
            cited = cited.Insert(keys.IndexOf(key), finding.CaseId);
        }

        return (cited, keys);
    }

    private IReadOnlyList<string> InCitationOrder(IEnumerable<string> caseIds) => [.. caseIds.Distinct().Order(CitationOrder)];

    /// <summary>Cases by the day of their finding, then id; a cited case without a finding (a converted one) comes first.</summary>
    private Comparer<string> CitationOrder => Comparer<string>.Create((x, y) => CompareCitationKeys(CitationKey(x), CitationKey(y)));

    private (DateOnly Day, string CaseId) CitationKey(string caseId) => (FindingOf(caseId)?.FoundOn ?? DateOnly.MinValue, caseId);

    private static readonly Comparer<(DateOnly Day, string CaseId)> CitationKeyOrder = Comparer<(DateOnly Day, string CaseId)>.Create(CompareCitationKeys);

    private static int CompareCitationKeys((DateOnly Day, string CaseId) x, (DateOnly Day, string CaseId) y)
    {
        var byDay = x.Day.CompareTo(y.Day);
        return byDay != 0 ? byDay : string.CompareOrdinal(x.CaseId, y.CaseId);
    }

    /// <summary>Numbered per flaw kind, so that the same findings give the same ids whatever order they arrive in, even
    /// when patterns of several kinds complete in a different order.</summary>
    private string NewNoticeId(FlawKind flaw) =>
        $"SN-{Id}-{JsonNamingPolicy.CamelCase.ConvertName(flaw.ToString())}-{Notices.Count(n => n.Origin == InstrumentOrigin.Pattern && n.Flaws.Contains(flaw)) + 1}";

    private Refusal? FindingRefusal(AgencyFinding finding, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(finding.CaseId))
        {
            return Refusal.Required("finding.caseId");
        }

        if (finding.AgencyId != Id)
        {
            return Refusal.Invalid(
                "finding.agencyId",
                "finding_for_another_agency",
                "该认定不是针对本执法机关的",
                $"The finding is against {finding.AgencyId}, not {Id}.");
        }

        if (finding.FoundOn > today)
        {
            return Refusal.InTheFuture("finding.foundOn", finding.FoundOn, today);
        }

        if (finding.SourceVersion < 0)
        {
            return Refusal.Invalid("finding.sourceVersion", "version_negative", "版本号无效", "sourceVersion must not be negative.");
        }

        if (finding.Flaws is null)
        {
            return Refusal.Required("finding.flaws");
        }

        if (finding.Source == FindingSource.Decision && finding.DecisionType is null)
        {
            return Refusal.Required("finding.decisionType");
        }

        if (finding.Source != FindingSource.Decision && finding.DecisionType is not null)
        {
            return Refusal.Invalid(
                "finding.decisionType",
                "decision_type_not_applicable",
                "只有行政复议决定载明决定类型",
                $"A {finding.Source} finding has no decision type.");
        }

        // The same rule the decision itself follows: a correction names what was wrong, anything else names nothing.
        var flawsRequired = finding.Source == FindingSource.Complaint || (finding.Source == FindingSource.Decision && finding.IsCorrection);
        if (flawsRequired && finding.Flaws.Count == 0)
        {
            return Refusal.Invalid("finding.flaws", "flaws_required", "纠错认定应当载明存在的问题", $"A correcting {finding.Source} finding names at least one flaw.");
        }

        return !finding.IsCorrection && finding.Flaws.Count > 0
            ? Refusal.Invalid("finding.flaws", "flaws_not_allowed", "未纠错的决定不应载明问题", $"A {finding.DecisionType} decision does not correct the act, so it names no flaws.")
            : null;
    }
}
