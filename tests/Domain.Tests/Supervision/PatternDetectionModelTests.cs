using System.Text.Json;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Supervision.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using static CaseGrains.Domain.Tests.Supervision.Support.SupervisionFixture;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>
/// The record detects patterns from an index it keeps up to date finding by finding. These tests hold it, step by step
/// over random histories, to the rule written out the slow, obvious way: every window of every candidate, against every
/// finding, every time.
/// </summary>
public sealed class PatternDetectionModelTests
{
    private static readonly FlawKind[] Flaws = [FlawKind.Procedure, FlawKind.Facts, FlawKind.ImproperDiscretion];

    [Theory]
    [InlineData(3, 180, 700)]
    [InlineData(2, 30, 200)]
    [InlineData(4, 10, 40)]
    public void Every_finding_gives_the_patterns_and_citations_the_rule_defines_whatever_came_before(int occurrences, int windowDays, int spanDays)
    {
        var rule = new PatternRule { Occurrences = occurrences, WindowDays = windowDays };
        var rules = PatternRules.Default.With(LiaoningDemo.Dadong, rule);
        var random = new Random(occurrences * 1_000 + windowDays);
        var firstDay = D(2024, 1, 1);
        var today = firstDay.AddDays(spanDays);
        var checkedFindings = 0;
        for (var history = 0; history < 60; history++)
        {
            var builder = Given.AgencyOn(today).Using(rules);
            var days = new Dictionary<string, DateOnly>();
            for (var step = 0; step < 80; step++)
            {
                var roll = random.Next(100);
                if (roll < 6 && builder.State.Notices.Where(n => n.IsOpen).ToList() is { Count: > 0 } open)
                {
                    builder.Then(new RecordNoticeFinished { NoticeId = open[random.Next(open.Count)].Id });
                    continue;
                }

                if (roll < 9)
                {
                    // A converted notice cites cases with findings, or cases that never get one: a case's place among a
                    // notice's citations is fixed when it is cited, so a day it gets later would not move it.
                    var known = builder.State.Findings.Select(f => f.CaseId).ToList();
                    var cited = Enumerable.Range(0, random.Next(1, 4))
                        .Select(_ => known.Count > 0 && random.Next(2) == 0 ? known[random.Next(known.Count)] : $"CV-{random.Next(10)}")
                        .Distinct().ToList();
                    builder.Then(new TrackNotice { NoticeId = $"SN-CONVERTED-{history}-{step}", Flaws = SomeFlaws(random), CaseIds = cited });
                    continue;
                }

                if (roll < 12)
                {
                    // As the grain reads it back from storage: the index is built again from the findings and notices.
                    builder = new AgencyBuilder(Reloaded(builder.State), today).Using(rules);
                }

                // A case keeps its day when its finding is replaced (a later version: other flaws, or no correction at all).
                var caseId = $"RC-{random.Next(60):D2}";
                var day = days.TryGetValue(caseId, out var earlierDay) ? earlierDay : days[caseId] = firstDay.AddDays(random.Next(spanDays + 1));
                var version = (builder.State.FindingOf(caseId)?.SourceVersion ?? 0) + random.Next(0, 2);
                var finding = (random.Next(5) == 0 ? Decided(caseId, day, DecisionType.Uphold) : Corrected(caseId, day, SomeFlaws(random))) with { SourceVersion = version };

                var before = builder.State;
                var transition = builder.WhenRecording(finding);
                if (transition.IsUnchanged)
                {
                    continue;
                }

                var (expectedMatches, expectedNotices) = Expected(before, finding, rule);
                var recorded = transition.ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>();
                Assert.Equal(expectedMatches, recorded.Patterns.Select(m => (m.NoticeId, m.DraftsNotice, string.Join(" ", m.Cited.Select(c => c.CaseId)))));
                Assert.Equal(expectedNotices, transition.State!.Notices.Select(n => (n.Id, string.Join(" ", n.CitedCaseIds))));
                builder.Recorded(finding);
                checkedFindings++;
            }
        }

        Assert.InRange(checkedFindings, 2_000, int.MaxValue);
    }

    private static FlawKind[] SomeFlaws(Random random) =>
        [.. Flaws.Where(_ => random.Next(3) == 0).DefaultIfEmpty(Flaws[random.Next(Flaws.Length)])];

    private static AgencyRecord Reloaded(AgencyRecord record)
    {
        var json = JsonSerializer.Serialize(record with { Findings = [] }, CaseGrains.Domain.Serialization.DomainJson.Storage);
        return JsonSerializer.Deserialize<AgencyRecord>(json, CaseGrains.Domain.Serialization.DomainJson.Storage)! with { Findings = [.. record.Findings] };
    }

    /// <summary>What recording <paramref name="finding"/> on <paramref name="before"/> must give, by the rule's definition:
    /// for each flaw in turn, the union of all windows holding the finding and enough candidates; the open notice of the
    /// flaw takes the cases it does not cite yet, otherwise the union drafts a notice.</summary>
    private static (List<(string, bool, string)> Matches, List<(string, string)> Notices) Expected(AgencyRecord before, AgencyFinding finding, PatternRule rule)
    {
        var findings = before.Findings.Where(f => f.CaseId != finding.CaseId).Append(finding).ToDictionary(f => f.CaseId, StringComparer.Ordinal);
        var notices = before.Notices.Select(n => (n.Id, n.Origin, n.Flaws, Cited: n.CitedCaseIds.ToList(), n.IsOpen)).ToList();
        var matches = new List<(string, bool, string)>();
        DateOnly DayOf(string id) => findings.TryGetValue(id, out var f) ? f.FoundOn : DateOnly.MinValue;
        List<string> Ordered(IEnumerable<string> ids) => [.. ids.Distinct().OrderBy(DayOf).ThenBy(id => id, StringComparer.Ordinal)];

        foreach (var flaw in finding.IsCorrection ? finding.Flaws.Distinct().Order() : Enumerable.Empty<FlawKind>())
        {
            var dealtWith = notices.Where(n => !n.IsOpen && n.Flaws.Contains(flaw)).SelectMany(n => n.Cited).ToHashSet(StringComparer.Ordinal);
            var candidates = findings.Values.Where(f => f.IsCorrection && f.Flaws.Contains(flaw) && !dealtWith.Contains(f.CaseId)).ToList();
            if (!candidates.Any(f => f.CaseId == finding.CaseId))
            {
                continue;
            }

            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (var start in candidates.Select(f => f.FoundOn).Where(d => d <= finding.FoundOn && finding.FoundOn.DayNumber - d.DayNumber <= rule.WindowDays))
            {
                var window = candidates.Where(f => f.FoundOn >= start && f.FoundOn.DayNumber - start.DayNumber <= rule.WindowDays).ToList();
                if (window.Count >= rule.Occurrences)
                {
                    members.UnionWith(window.Select(f => f.CaseId));
                }
            }

            if (members.Count == 0)
            {
                continue;
            }

            var pattern = Ordered(members);
            var open = notices.FindIndex(n => n.IsOpen && n.Flaws.Contains(flaw));
            if (open >= 0)
            {
                var newly = pattern.Where(id => !notices[open].Cited.Contains(id)).ToList();
                if (newly.Count > 0)
                {
                    notices[open] = notices[open] with { Cited = Ordered(notices[open].Cited.Concat(newly)) };
                    matches.Add((notices[open].Id, false, string.Join(" ", newly)));
                }

                continue;
            }

            var id = $"SN-{before.Id}-{JsonNamingPolicy.CamelCase.ConvertName(flaw.ToString())}-{notices.Count(n => n.Origin == InstrumentOrigin.Pattern && n.Flaws.Contains(flaw)) + 1}";
            notices.Add((id, InstrumentOrigin.Pattern, new[] { flaw }, pattern, true));
            matches.Add((id, true, string.Join(" ", pattern)));
        }

        return (matches, [.. notices.Select(n => (n.Id, string.Join(" ", n.Cited)))]);
    }
}
