using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Supervision.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using static CaseGrains.Domain.Tests.Supervision.Support.SupervisionFixture;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>From one case to the whole agency: repeated corrections of one flaw kind draft exactly one supervision notice.</summary>
public sealed class PatternDetectionTests
{
    private const string NoticeId = "SN-A-R210104-TRAFFIC-procedure-1";

    private static AgencyBuilder Agency() => Given.AgencyOn(D(2025, 12, 31));

    [Fact]
    public void Three_corrected_cases_with_the_same_flaw_draft_one_notice_citing_all_three()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)));
        Assert.Empty(builder.Patterns);

        var recorded = builder.WhenRecording(Corrected("RC-3", D(2025, 5, 6))).ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>();

        var match = Assert.Single(recorded.Patterns);
        Assert.Equal((NoticeId, FlawKind.Procedure, true), (match.NoticeId, match.FlawKind, match.DraftsNotice));
        Assert.Equal(["RC-1", "RC-2", "RC-3"], match.Cited.Select(c => c.CaseId));
        Assert.Equivalent(Citation.Of(Corrected("RC-1", D(2025, 3, 3))), match.Cited[0], strict: true);
    }

    [Fact]
    public void The_notice_is_on_the_record_open_and_about_the_pattern_flaw()
    {
        var state = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), Corrected("RC-3", D(2025, 5, 6))).State;

        var notice = Assert.Single(state.Notices);
        Assert.Equal(
            (NoticeId, InstrumentOrigin.Pattern, D(2025, 12, 31), true),
            (notice.Id, notice.Origin, notice.DraftedOn, notice.IsOpen));
        Assert.Equal([FlawKind.Procedure], notice.Flaws);
        Assert.Equal(["RC-1", "RC-2", "RC-3"], notice.CitedCaseIds);
        Assert.Same(notice, state.OpenNoticeFor(FlawKind.Procedure));
        Assert.Null(state.OpenNoticeFor(FlawKind.Facts));
    }

    [Fact]
    public void A_fourth_case_joins_the_open_notice_instead_of_drafting_another()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), Corrected("RC-3", D(2025, 5, 6)));

        var match = Assert.Single(builder.WhenRecording(Corrected("RC-4", D(2025, 6, 2))).ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>().Patterns);

        Assert.Equal((NoticeId, false), (match.NoticeId, match.DraftsNotice));
        Assert.Equal(["RC-4"], match.Cited.Select(c => c.CaseId));
        builder.Recorded(Corrected("RC-4", D(2025, 6, 2)));
        Assert.Equal(["RC-1", "RC-2", "RC-3", "RC-4"], Assert.Single(builder.State.Notices).CitedCaseIds);
    }

    [Fact]
    public void Findings_exactly_the_window_apart_are_within_it()
    {
        // 1 March to 28 August is 180 days: the first day is not counted.
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 1)), Corrected("RC-2", D(2025, 6, 1)), Corrected("RC-3", D(2025, 8, 28)));

        Assert.Equal(["RC-1", "RC-2", "RC-3"], Assert.Single(builder.Patterns).Cited.Select(c => c.CaseId));
    }

    [Fact]
    public void A_finding_outside_the_window_does_not_count()
    {
        // 1 March to 29 August is 181 days; only two lie within any 180 days.
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 1)), Corrected("RC-2", D(2025, 6, 1)), Corrected("RC-3", D(2025, 8, 29)));

        Assert.Empty(builder.Patterns);
        Assert.Empty(builder.State.Notices);
    }

    [Fact]
    public void Only_the_findings_within_a_window_are_cited()
    {
        var builder = Agency().Recorded(
            Corrected("RC-0", D(2024, 1, 10)), Corrected("RC-1", D(2025, 3, 1)), Corrected("RC-2", D(2025, 6, 1)), Corrected("RC-3", D(2025, 7, 1)));

        Assert.Equal(["RC-1", "RC-2", "RC-3"], Assert.Single(builder.Patterns).Cited.Select(c => c.CaseId));
    }

    [Theory]
    [InlineData(DecisionType.Uphold)]
    [InlineData(DecisionType.RejectClaim)]
    [InlineData(DecisionType.DismissApplication)]
    public void A_decision_that_does_not_correct_does_not_count(DecisionType type)
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), Decided("RC-3", D(2025, 5, 6), type));

        Assert.Empty(builder.Patterns);
    }

    [Fact]
    public void Different_flaws_do_not_add_up()
    {
        var builder = Agency().Recorded(
            Corrected("RC-1", D(2025, 3, 3), FlawKind.Procedure), Corrected("RC-2", D(2025, 4, 1), FlawKind.Procedure), Corrected("RC-3", D(2025, 5, 6), FlawKind.Facts));

        Assert.Empty(builder.Patterns);
    }

    [Fact]
    public void A_finding_with_two_flaws_can_complete_two_patterns_each_with_its_own_notice()
    {
        var builder = Agency().Recorded(
            Corrected("RC-1", D(2025, 3, 3), FlawKind.Procedure, FlawKind.Facts), Corrected("RC-2", D(2025, 4, 1), FlawKind.Facts, FlawKind.Procedure));

        var patterns = builder.WhenRecording(Corrected("RC-3", D(2025, 5, 6), FlawKind.Facts, FlawKind.Procedure)).ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>().Patterns;

        Assert.Equal(
            [("SN-A-R210104-TRAFFIC-procedure-1", FlawKind.Procedure), ("SN-A-R210104-TRAFFIC-facts-1", FlawKind.Facts)],
            patterns.Select(p => (p.NoticeId, p.FlawKind)));
        Assert.All(patterns, p => Assert.Equal(["RC-1", "RC-2", "RC-3"], p.Cited.Select(c => c.CaseId)));
    }

    [Fact]
    public void A_substantiated_complaint_counts_toward_the_pattern()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Complaint("TS-1", D(2025, 3, 20)));

        var match = Assert.Single(builder.WhenRecording(Corrected("RC-2", D(2025, 4, 1))).ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>().Patterns);

        Assert.Equal(["RC-1", "TS-1", "RC-2"], match.Cited.Select(c => c.CaseId));
        Assert.Equal(FindingSource.Complaint, match.Cited[1].Source);
    }

    [Fact]
    public void A_case_the_agency_corrected_itself_counts_toward_the_pattern()
    {
        var selfCorrected = Corrected("RC-3", D(2025, 5, 6)) with { Source = FindingSource.SelfCorrection, DecisionType = null };

        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), selfCorrected);

        Assert.Equal(["RC-1", "RC-2", "RC-3"], Assert.Single(builder.Patterns).Cited.Select(c => c.CaseId));
    }

    [Fact]
    public void A_region_can_set_its_own_rule()
    {
        var rules = PatternRules.Default.With(LiaoningDemo.Dadong, new PatternRule { Occurrences = 2, WindowDays = 30 });
        var builder = Agency().Using(rules);

        builder.Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 3)));
        Assert.Empty(builder.Patterns);

        builder.Recorded(Corrected("RC-3", D(2025, 4, 20)));
        Assert.Equal(["RC-2", "RC-3"], Assert.Single(builder.Patterns).Cited.Select(c => c.CaseId));
    }

    [Fact]
    public void An_agency_follows_the_nearest_region_above_it_that_set_a_rule()
    {
        var rules = PatternRules.Default.With(LiaoningDemo.Shenyang, new PatternRule { Occurrences = 4 });

        var builder = Agency().Using(rules).Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), Corrected("RC-3", D(2025, 5, 6)));

        Assert.Empty(builder.Patterns);
        builder.Recorded(Corrected("RC-4", D(2025, 5, 7)));
        Assert.Equal(4, Assert.Single(builder.Patterns).Cited.Count);
    }

    [Fact]
    public void A_notice_that_finished_absorbs_nothing_and_its_cases_start_no_new_pattern()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), Corrected("RC-3", D(2025, 5, 6)))
            .Then(new RecordNoticeFinished { NoticeId = NoticeId });

        builder.Recorded(Corrected("RC-4", D(2025, 6, 2)), Corrected("RC-5", D(2025, 6, 9)));
        Assert.Single(builder.Patterns);

        var match = Assert.Single(builder.WhenRecording(Corrected("RC-6", D(2025, 6, 16))).ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>().Patterns);
        Assert.Equal(("SN-A-R210104-TRAFFIC-procedure-2", true), (match.NoticeId, match.DraftsNotice));
        Assert.Equal(["RC-4", "RC-5", "RC-6"], match.Cited.Select(c => c.CaseId));
    }

    [Fact]
    public void An_open_notice_absorbs_a_later_pattern_whole_even_one_far_from_its_first_cases()
    {
        var builder = Agency().Recorded(
            Corrected("RC-1", D(2024, 3, 3)), Corrected("RC-2", D(2024, 4, 1)), Corrected("RC-3", D(2024, 5, 6)),
            Corrected("RC-4", D(2025, 6, 2)), Corrected("RC-5", D(2025, 6, 9)));
        Assert.Single(builder.Patterns);

        var match = Assert.Single(builder.WhenRecording(Corrected("RC-6", D(2025, 6, 16))).ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>().Patterns);

        Assert.Equal((NoticeId, false), (match.NoticeId, match.DraftsNotice));
        Assert.Equal(["RC-4", "RC-5", "RC-6"], match.Cited.Select(c => c.CaseId));
    }

    [Fact]
    public void A_converted_case_s_notice_absorbs_a_later_pattern_of_its_flaws()
    {
        var builder = Agency().Then(new TrackNotice { NoticeId = "SN-CONVERTED-1", Flaws = [FlawKind.Procedure], CaseIds = ["RC-0"] })
            .Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), Corrected("RC-3", D(2025, 5, 6)));

        var match = Assert.Single(builder.Patterns);
        Assert.Equal(("SN-CONVERTED-1", false), (match.NoticeId, match.DraftsNotice));
        Assert.Equal(["RC-0", "RC-1", "RC-2", "RC-3"], Assert.Single(builder.State.Notices).CitedCaseIds);
    }

    [Fact]
    public void Many_cases_deciding_at_once_give_one_notice_with_the_same_citations_in_any_order_and_despite_duplicates()
    {
        AgencyFinding[] findings =
        [
            Corrected("RC-01", D(2025, 1, 6), FlawKind.Procedure),
            Corrected("RC-02", D(2025, 1, 20), FlawKind.Procedure, FlawKind.Facts),
            Corrected("RC-03", D(2025, 2, 17), FlawKind.Facts),
            Decided("RC-04", D(2025, 2, 24), DecisionType.Uphold),
            Corrected("RC-05", D(2025, 3, 10), FlawKind.Procedure),
            Complaint("TS-06", D(2025, 4, 7), FlawKind.Facts),
            Corrected("RC-07", D(2025, 5, 12), FlawKind.ImproperDiscretion),
            Corrected("RC-08", D(2025, 9, 1), FlawKind.ImproperDiscretion),
            Corrected("RC-09", D(2025, 11, 3), FlawKind.Procedure),
            Corrected("RC-10", D(2025, 11, 17), FlawKind.Procedure),
            Corrected("RC-11", D(2025, 12, 1), FlawKind.ImproperDiscretion, FlawKind.Procedure),
            Decided("RC-12", D(2025, 12, 8), DecisionType.RejectClaim),
        ];
        var expected = Outcome(Agency().Recorded(findings).State);
        Assert.Equal(
            [
                ("SN-A-R210104-TRAFFIC-procedure-1", "RC-01 RC-02 RC-05 RC-09 RC-10 RC-11"),
                ("SN-A-R210104-TRAFFIC-facts-1", "RC-02 RC-03 TS-06"),
            ],
            expected);

        var random = new Random(20250101);
        for (var run = 0; run < 300; run++)
        {
            // Each finding arrives once or twice (at-least-once delivery), the whole lot in a random order.
            var deliveries = findings.Concat(findings.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
            var builder = Agency();
            foreach (var finding in deliveries)
            {
                var transition = builder.WhenRecording(finding);
                if (!transition.IsUnchanged)
                {
                    builder.Recorded(finding);
                }
            }

            Assert.Equal(expected, Outcome(builder.State));
            Assert.Equal(findings.Length, builder.State.Findings.Count);
        }
    }

    [Fact]
    public void An_agency_corrected_ten_thousand_times_in_one_day_has_each_case_join_its_one_notice()
    {
        // Detection once walked and sorted every finding, and merged every citation, for each new finding: ten thousand
        // findings took minutes, and a busy agency's record stalled every decision against it. Each finding now costs
        // lookups in sorted sets.
        var day = D(2025, 6, 2);
        var builder = Agency();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        builder.Recorded([.. Enumerable.Range(1, 10_000).Select(i => Corrected($"RC-{i:D5}", day))]);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        var notice = Assert.Single(builder.State.Notices);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => $"RC-{i:D5}"), notice.CitedCaseIds);
        Assert.All(builder.Patterns.Skip(1), match => Assert.Single(match.Cited));
    }

    /// <summary>Each notice's id and citations, in id order so that the comparison ignores the order of drafting.</summary>
    private static IEnumerable<(string, string)> Outcome(AgencyRecord record) =>
        record.Notices.OrderByDescending(n => n.Id, StringComparer.Ordinal).Select(n => (n.Id, string.Join(" ", n.CitedCaseIds)));
}
