using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Supervision.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using static CaseGrains.Domain.Tests.Supervision.Support.SupervisionFixture;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>The agency's record: each case once, the latest finding of a case kept, the figures derived from them.</summary>
public sealed class AgencyRecordTests
{
    private static AgencyBuilder Agency() => Given.AgencyOn(D(2025, 12, 31));

    [Fact]
    public void The_same_finding_delivered_twice_is_recorded_once()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)));

        builder.WhenRecording(Corrected("RC-1", D(2025, 3, 3))).ShouldBeUnchanged(builder.State, "finding_already_recorded");
        Assert.Single(builder.State.Findings);
    }

    [Fact]
    public void A_later_finding_for_the_same_case_replaces_it()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3), FlawKind.Procedure));
        var later = Corrected("RC-1", D(2025, 3, 3), FlawKind.Facts) with { SourceVersion = 9 };

        var recorded = builder.WhenRecording(later).ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>();

        Assert.True(recorded.Replaced);
        builder.Recorded(later);
        Assert.Equivalent(later, Assert.Single(builder.State.Findings), strict: true);
        Assert.Equal(new Dictionary<FlawKind, int> { [FlawKind.Facts] = 1 }, builder.State.FlawCounts());
    }

    [Fact]
    public void An_earlier_finding_delivered_late_changes_nothing()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)) with { SourceVersion = 9 });

        builder.WhenRecording(Corrected("RC-1", D(2025, 3, 3)) with { SourceVersion = 8 }).ShouldBeUnchanged(builder.State, "finding_stale");
    }

    [Fact]
    public void A_notice_keeps_citing_a_case_whose_later_finding_no_longer_shows_the_flaw()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), Corrected("RC-3", D(2025, 5, 6)));

        builder.Recorded(Corrected("RC-2", D(2025, 4, 1), FlawKind.Facts) with { SourceVersion = 9 });

        Assert.Equal(["RC-1", "RC-2", "RC-3"], Assert.Single(builder.State.Notices).CitedCaseIds);
    }

    [Fact]
    public void Counts_per_flaw_kind_are_over_corrections_in_the_range_asked_for()
    {
        var state = Agency().Recorded(
            Corrected("RC-1", D(2025, 1, 6), FlawKind.Procedure, FlawKind.Facts),
            Corrected("RC-2", D(2025, 6, 2), FlawKind.Procedure),
            Decided("RC-3", D(2025, 6, 3), DecisionType.Uphold),
            Complaint("TS-4", D(2025, 7, 1), FlawKind.Inaction)).State;

        Assert.Equal(new Dictionary<FlawKind, int> { [FlawKind.Procedure] = 2, [FlawKind.Facts] = 1, [FlawKind.Inaction] = 1 }, state.FlawCounts());
        Assert.Equal(new Dictionary<FlawKind, int> { [FlawKind.Procedure] = 1, [FlawKind.Inaction] = 1 }, state.FlawCounts(from: D(2025, 6, 1)));
        Assert.Equal(new Dictionary<FlawKind, int> { [FlawKind.Procedure] = 1, [FlawKind.Facts] = 1 }, state.FlawCounts(to: D(2025, 1, 31)));
    }

    [Fact]
    public void The_correction_rate_is_corrections_over_the_reconsideration_cases_the_agency_was_told_of()
    {
        var builder = Agency();
        Assert.Null(builder.State.CorrectionRate());

        builder.Recorded(
            Corrected("RC-1", D(2025, 1, 6)),
            Decided("RC-2", D(2025, 2, 3), DecisionType.Uphold),
            Decided("RC-3", D(2025, 2, 4), DecisionType.RejectClaim),
            Corrected("RC-4", D(2025, 3, 3)) with { Source = FindingSource.SelfCorrection, DecisionType = null },
            Complaint("TS-5", D(2025, 3, 4)));

        Assert.Equal(0.5m, builder.State.CorrectionRate());
    }

    [Fact]
    public void Counts_kept_finding_by_finding_are_those_counted_afresh_from_the_findings_and_a_replaced_finding_keeps_its_place()
    {
        var builder = Agency().Recorded(
            Corrected("RC-1", D(2025, 1, 6), FlawKind.Procedure, FlawKind.Facts),
            Decided("RC-2", D(2025, 2, 3), DecisionType.Uphold),
            Complaint("TS-3", D(2025, 3, 4), FlawKind.Inaction),
            Corrected("RC-4", D(2025, 4, 1), FlawKind.Facts));

        // RC-1 is later upheld after all, and RC-2 annulled: both counts move, neither case moves.
        builder.Recorded(
            Decided("RC-1", D(2025, 1, 6), DecisionType.Uphold) with { SourceVersion = 9 },
            Corrected("RC-2", D(2025, 2, 3), FlawKind.Procedure) with { SourceVersion = 9 });

        var state = builder.State;
        var afresh = EmptyRecord() with { Findings = state.Findings };
        Assert.Equal(["RC-1", "RC-2", "TS-3", "RC-4"], state.Findings.Select(f => f.CaseId));
        Assert.Equal([0, 1, 2, 3], state.Findings.Select(f => state.PositionOf(f.CaseId)));
        Assert.Null(state.PositionOf("RC-9"));
        Assert.Equal(new Dictionary<FlawKind, int> { [FlawKind.Facts] = 1, [FlawKind.Procedure] = 1, [FlawKind.Inaction] = 1 }, state.FlawCounts());
        Assert.Equal(afresh.FlawCounts(), state.FlawCounts());
        Assert.Equal(state.FlawCounts(from: DateOnly.MinValue), state.FlawCounts());
        Assert.Equal((3, 2m / 3), (state.Corrections, state.CorrectionRate()!.Value));
        Assert.Equal((afresh.Corrections, afresh.CorrectionRate()), (state.Corrections, state.CorrectionRate()));
    }

    public static TheoryData<string, string, Func<AgencyFinding, AgencyFinding>> InvalidFindings => new()
    {
        { "finding.caseId", "value_required", f => f with { CaseId = " " } },
        { "finding.agencyId", "finding_for_another_agency", f => f with { AgencyId = "A-R210104-URBAN" } },
        { "finding.foundOn", "date_in_the_future", f => f with { FoundOn = D(2026, 1, 1) } },
        { "finding.sourceVersion", "version_negative", f => f with { SourceVersion = -1 } },
        { "finding.decisionType", "value_required", f => f with { DecisionType = null } },
        { "finding.decisionType", "decision_type_not_applicable", f => f with { Source = FindingSource.Complaint } },
        { "finding.flaws", "flaws_required", f => f with { Flaws = [] } },
        { "finding.flaws", "flaws_not_allowed", f => f with { DecisionType = DecisionType.Uphold } },
        { "finding.flaws", "flaws_required", f => f with { Source = FindingSource.Complaint, DecisionType = null, Flaws = [] } },
    };

    [Theory]
    [MemberData(nameof(InvalidFindings))]
    public void A_malformed_finding_is_refused_naming_the_field(string field, string code, Func<AgencyFinding, AgencyFinding> spoil)
    {
        Agency().WhenRecording(spoil(Corrected("RC-1", D(2025, 3, 3)))).ShouldBeInvalid(field, code);
    }

    [Fact]
    public void A_self_correction_nobody_characterised_is_recorded_without_flaws()
    {
        var selfCorrected = Corrected("RC-1", D(2025, 3, 3)) with { Source = FindingSource.SelfCorrection, DecisionType = null, Flaws = [] };

        Agency().WhenRecording(selfCorrected).ShouldSucceed();
    }

    [Fact]
    public void A_finding_names_each_flaw_once()
    {
        var state = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3), FlawKind.Facts, FlawKind.Procedure, FlawKind.Facts)).State;

        Assert.Equal([FlawKind.Procedure, FlawKind.Facts], Assert.Single(state.Findings).Flaws);
    }

    [Fact]
    public void A_notice_is_tracked_once()
    {
        var track = new TrackNotice { NoticeId = "SN-CONVERTED-1", Flaws = [FlawKind.Inaction], CaseIds = ["RC-0"] };
        var builder = Agency();

        var tracked = builder.When(track).ShouldRecord<NoticeTracked, AgencyRecord, AgencyEvent>();
        builder.Then(track);

        Assert.Equal(("SN-CONVERTED-1", D(2025, 12, 31)), (tracked.NoticeId, tracked.TrackedOn));
        Assert.Equal(InstrumentOrigin.CaseConversion, Assert.Single(builder.State.Notices).Origin);
        builder.When(track).ShouldBeUnchanged(builder.State, "notice_already_tracked");
    }

    [Fact]
    public void A_tracked_notice_names_the_cases_it_cites()
    {
        Agency().When(new TrackNotice { NoticeId = "SN-CONVERTED-1", CaseIds = [] }).ShouldBeInvalid("caseIds");
        Agency().When(new TrackNotice { NoticeId = " ", CaseIds = ["RC-0"] }).ShouldBeInvalid("noticeId");
    }

    [Fact]
    public void A_notice_finishes_once()
    {
        var builder = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)), Corrected("RC-2", D(2025, 4, 1)), Corrected("RC-3", D(2025, 5, 6)));
        var finish = new RecordNoticeFinished { NoticeId = "SN-A-R210104-TRAFFIC-procedure-1" };

        builder.Then(finish);

        Assert.Equal(D(2025, 12, 31), Assert.Single(builder.State.Notices).FinishedOn);
        Assert.Null(builder.State.OpenNoticeFor(FlawKind.Procedure));
        builder.When(finish).ShouldBeUnchanged(builder.State, "notice_already_finished");
    }

    [Fact]
    public void An_unknown_notice_cannot_finish()
    {
        Agency().When(new RecordNoticeFinished { NoticeId = "SN-NOPE" }).ShouldBeInvalid("noticeId", "notice_not_found");
    }

    [Fact]
    public void A_record_is_opened_only_for_an_enforcement_agency_in_its_own_region()
    {
        var body = LiaoningDemo.Organisations.Single(o => o.Id == LiaoningDemo.DadongBody);

        Assert.Throws<ArgumentException>(() => AgencyRecord.Open(body, AgencyPath));
        Assert.Throws<ArgumentException>(() => AgencyRecord.Open(SupervisionFixture.Agency, Regions.PathOf(LiaoningDemo.Shenyang)));
        Assert.Equal(
            (SupervisionFixture.Agency.Id, "沈阳市公安局交通警察支队大东大队", "/R210000/R210100/R210104/"),
            (EmptyRecord().Id, EmptyRecord().Name, EmptyRecord().RegionPath));
    }

    [Fact]
    public void Messages_name_what_produced_them_for_the_history()
    {
        var events = Agency().Recorded(Corrected("RC-1", D(2025, 3, 3)))
            .Then(new TrackNotice { NoticeId = "SN-CONVERTED-1", Flaws = [FlawKind.Inaction], CaseIds = ["RC-0"] })
            .Then(new RecordNoticeFinished { NoticeId = "SN-CONVERTED-1" }).Events;

        Assert.Equal([AgencyActionName.RecordFinding, AgencyActionName.TrackNotice, AgencyActionName.RecordNoticeFinished], events.Select(e => e.Action));
    }

    [Fact]
    public void Citations_given_back_to_a_record_stored_without_them_come_in_citation_order_and_detection_goes_on_from_them()
    {
        var builder = Agency()
            .Then(new TrackNotice { NoticeId = "SN-CONVERTED-1", Flaws = [FlawKind.Inaction], CaseIds = ["RC-2", "RC-0"] })
            .Recorded(Corrected("RC-3", D(2025, 3, 3)), Corrected("RC-1", D(2025, 4, 1)), Corrected("RC-2", D(2025, 5, 6)));
        var kept = builder.State;
        var stored = kept with { Notices = [.. kept.Notices.Select(n => n with { CitedCaseIds = [] })] };
        var rows = kept.Notices.SelectMany(n => n.CitedCaseIds.Select(id => (Notice: n.Id, Case: id))).Reverse();

        var restored = stored.WithCitations(rows.ToLookup(r => r.Notice, r => r.Case, StringComparer.Ordinal));

        // By the day of each case's finding, then id; a case without a finding (RC-0, converted) first.
        Assert.Equal(["RC-0", "RC-2"], restored.Notices[0].CitedCaseIds);
        Assert.Equal(["RC-3", "RC-1", "RC-2"], restored.Notices[1].CitedCaseIds);
        Assert.Equal(kept.Notices.Select(n => n.CitedCaseIds), restored.Notices.Select(n => n.CitedCaseIds));
        Assert.Equivalent(kept.Notices, restored.Notices, strict: true);

        // The pattern index is built again from the citations given back: the open notice cites only the new case.
        var next = Corrected("RC-4", D(2025, 5, 20));
        var fromKept = builder.WhenRecording(next).ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>();
        var fromRestored = restored.Handle(new RecordFinding { Finding = next }, builder.Rules, At(builder.Today))
            .ShouldRecord<FindingRecorded, AgencyRecord, AgencyEvent>();
        Assert.Equal(["RC-4"], Assert.Single(fromRestored.Patterns).Cited.Select(c => c.CaseId));
        Assert.Equivalent(fromKept, fromRestored, strict: true);
    }
}
