using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Cases.Support;
using CaseGrains.Domain.Tests.Supervision.Support;
using CaseGiven = CaseGrains.Domain.Tests.Cases.Support.Given;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using static CaseGrains.Domain.Tests.Supervision.Support.Instruments;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>How an instrument comes about: an opinion letter from a case, a notice from a pattern or from a converted case.</summary>
public sealed class InstrumentDraftingTests
{
    [Fact]
    public void An_opinion_letter_is_drafted_by_the_case_s_body_to_its_respondent_citing_the_case()
    {
        var letter = OpinionLetter();
        var state = letter.State;

        Assert.Equal(
            (InstrumentKind.OpinionLetter, InstrumentOrigin.CaseOpinion, InstrumentStatus.Drafted, D(2025, 5, 6)),
            (state.Kind, state.Origin, state.Status, state.DraftedOn));
        Assert.Equal((Agency.Id, Agency.Name, "/R210000/R210100/"), (state.AgencyId, state.AgencyName, state.AgencyRegionPath));
        Assert.Equal((CompetentBody.Id, "/R210000/R210100/", "/R210000/R210100/"), (state.IssuingBodyId, state.IssuingBodyRegionPath, state.SupervisorRegionPath));
        Assert.Equal(SupervisionPeriods.OpinionLetter, state.RectificationPeriod);
        Assert.Equal((60, DeadlineUnit.NaturalDays, "《行政复议法》第七十六条"), (state.RectificationPeriod.Length, state.RectificationPeriod.Unit, state.RectificationPeriod.Basis));
        var citation = Assert.Single(state.Citations);
        Assert.Equal(("FY-2025-0001", FindingSource.Decision, DecisionType.Annul, D(2025, 4, 20)), (citation.CaseId, citation.Source, citation.DecisionType, citation.FoundOn));
        Assert.Equal([FlawKind.Procedure], state.Flaws);
        Assert.False(state.AbsorbsCases);
        var drafted = Assert.IsType<InstrumentDrafted>(Assert.Single(letter.Events));
        Assert.Equal((InstrumentActionName.DraftOpinionLetter, Letter.Title), (drafted.Action, drafted.Title));
    }

    [Fact]
    public void An_opinion_letter_may_be_drafted_while_the_case_is_still_under_review()
    {
        var @case = CaseGiven.CaseReceivedOn(D(2025, 3, 3)).Accepted().State;

        var (state, _) = SupervisionInstrument.DraftOpinionLetter("OL-2025-0002", @case, Letter, ShenyangBody, At(D(2025, 3, 10))).ShouldSucceed();

        Assert.Equal(new Citation { CaseId = "FY-2025-0001" }, Assert.Single(state.Citations));
    }

    [Theory]
    [InlineData("received")]
    [InlineData("notAccepted")]
    [InlineData("resolvedBeforeFiling")]
    public void An_opinion_letter_comes_only_from_a_case_the_body_accepted(string caseState)
    {
        var @case = CaseStates.Named(caseState).State;

        SupervisionInstrument.DraftOpinionLetter("OL-2025-0002", @case, Letter, ShenyangBody, At(D(2025, 4, 1)))
            .ShouldViolate("case_not_accepted", "第七十六条");
    }

    [Fact]
    public void Only_the_case_s_competent_body_issues_its_opinion_letter()
    {
        Assert.Throws<ArgumentException>(() =>
            SupervisionInstrument.DraftOpinionLetter("OL-2025-0002", AnnulledCase(), Letter, SupervisionFixture.DadongBody, At(D(2025, 5, 6))));
    }

    public static TheoryData<string, Func<DraftOpinionLetter, DraftOpinionLetter>> IncompleteLetters => new()
    {
        { "title", l => l with { Title = " " } },
        { "problems", l => l with { Problems = "" } },
        { "requirements", l => l with { Requirements = " " } },
    };

    [Theory]
    [MemberData(nameof(IncompleteLetters))]
    public void A_letter_states_its_title_the_problems_and_what_to_correct(string field, Func<DraftOpinionLetter, DraftOpinionLetter> spoil)
    {
        SupervisionInstrument.DraftOpinionLetter("OL-2025-0002", AnnulledCase(), spoil(Letter), ShenyangBody, At(D(2025, 5, 6))).ShouldBeInvalid(field);
    }

    [Fact]
    public void A_letter_s_text_has_the_length_limits_of_the_case_record()
    {
        SupervisionInstrument.DraftOpinionLetter("OL-2025-0002", AnnulledCase(), Letter with { Problems = new string('问', 5_001) }, ShenyangBody, At(D(2025, 5, 6)))
            .ShouldBeInvalid("problems", "text_too_long");
    }

    [Fact]
    public void A_case_whose_decision_upheld_the_act_can_still_be_converted_into_a_supervision_procedure()
    {
        // The seed's Dadong example: the registration was not annulled, yet the case showed a general gap in oversight.
        var @case = CaseStates.Named("heard").On(D(2025, 4, 20)).Decided(DecisionType.RejectClaim).State;
        var command = new ConvertCase
        {
            Title = "关于加强申报承诺制登记市场主体事后监管的行政执法监督通知书",
            Problems = "对申报承诺制注册登记的市场主体存在事后监管空白。",
            Requirements = "请建立事后核查机制，统一规范此类登记的监管。",
            Flaws = [FlawKind.Inaction],
        };

        var (state, drafted) = SupervisionInstrument.ConvertCase("SN-CONV-0001", @case, command, SupervisionFixture.DadongOffice, SupervisionPeriods.Notice(45), At(D(2025, 4, 22))).ShouldSucceed();

        Assert.Equal((InstrumentKind.SupervisionNotice, InstrumentOrigin.CaseConversion, 45, true), (state.Kind, state.Origin, state.RectificationPeriod.Length, state.AbsorbsCases));
        Assert.Equal(InstrumentActionName.ConvertCase, drafted.Action);
        Assert.Equal(DecisionType.RejectClaim, Assert.Single(state.Citations).DecisionType);
        var track = state.ToTrackNotice();
        Assert.Equal(("SN-CONV-0001", FlawKind.Inaction, "FY-2025-0001"), (track.NoticeId, Assert.Single(track.Flaws), Assert.Single(track.CaseIds)));
    }

    [Fact]
    public void Only_a_converted_case_s_notice_is_tracked_by_the_agency_afterwards()
    {
        Assert.Throws<InvalidOperationException>(() => OpinionLetter().State.ToTrackNotice());
        Assert.Throws<InvalidOperationException>(() => PatternNotice().State.ToTrackNotice());
    }

    [Fact]
    public void A_pattern_notice_states_the_pattern_and_the_period_in_its_draft()
    {
        var notice = PatternNotice();
        var state = notice.State;

        Assert.Equal(
            ("SN-A-R210104-TRAFFIC-procedure-1", InstrumentKind.SupervisionNotice, InstrumentOrigin.Pattern, "S-R210104", "/R210000/R210100/R210104/"),
            (state.Id, state.Kind, state.Origin, state.IssuingBodyId, state.SupervisorRegionPath));
        Assert.Equal(["RC-1", "RC-2", "RC-3"], state.Citations.Select(c => c.CaseId));
        Assert.Equal([FlawKind.Procedure], state.Flaws);
        Assert.Equal("关于沈阳市公安局交通警察支队大东大队违反法定程序问题的行政执法监督通知书", state.Title);
        Assert.Equal(
            "沈阳市公安局交通警察支队大东大队：2025年3月3日至2025年5月6日，你单位有3件行政执法行为因违反法定程序被纠正（RC-1、RC-2、RC-3），反映出执法中存在普遍性、倾向性问题。",
            state.Problems);
        Assert.Equal("请你单位对上述问题进行全面排查整改，并自收到本通知书之日起30日内将整改情况书面报送。", state.Requirements);
        Assert.Equal(InstrumentActionName.DraftNotice, Assert.Single(notice.Events).Action);
        Assert.True(state.AbsorbsCases);
    }

    [Fact]
    public void Only_a_match_that_drafts_a_notice_becomes_one()
    {
        var agency = AgencyWithPattern().Recorded(SupervisionFixture.Corrected("RC-4", D(2025, 5, 6)));
        var absorbed = agency.Patterns.Last();

        Assert.False(absorbed.DraftsNotice);
        Assert.Throws<ArgumentException>(() => SupervisionInstrument.DraftNotice(agency.State, absorbed, SupervisionFixture.DadongOffice, SupervisionPeriods.Notice(), At(D(2025, 5, 6))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void A_notice_period_is_one_day_to_a_year(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SupervisionPeriods.Notice(days));
    }

    [Fact]
    public void A_draft_is_revised_part_by_part()
    {
        var builder = OpinionLetter().Then(new ReviseDraft { Requirements = "请于六十日内报送。", Flaws = [FlawKind.Facts, FlawKind.Procedure] });

        Assert.Equal((Letter.Title, Letter.Problems, "请于六十日内报送。"), (builder.State.Title, builder.State.Problems, builder.State.Requirements));
        Assert.Equal([FlawKind.Procedure, FlawKind.Facts], builder.State.Flaws);
        var revised = Assert.IsType<DraftRevised>(builder.Events[^1]);
        Assert.Equal((null, "请于六十日内报送。"), (revised.Title, revised.Requirements));
    }

    [Fact]
    public void A_revision_changes_something_and_blanks_nothing()
    {
        OpinionLetter().When(new ReviseDraft()).ShouldBeInvalid("title", "nothing_to_revise");
        OpinionLetter().When(new ReviseDraft { Problems = " " }).ShouldBeInvalid("problems");
    }

    [Fact]
    public void A_pattern_notice_stays_about_its_pattern_s_flaw()
    {
        PatternNotice().When(new ReviseDraft { Flaws = [FlawKind.Facts] }).ShouldBeInvalid("flaws", "pattern_flaw_fixed");
        PatternNotice().When(new ReviseDraft { Flaws = [FlawKind.Procedure], Title = "新标题" }).ShouldSucceed();
    }

    [Fact]
    public void A_discarded_draft_is_the_end_of_it()
    {
        var builder = PatternNotice().Then(new DiscardDraft { Reason = "经核查系同一执法人员个别问题，已当面提醒" });

        Assert.Equal((InstrumentStatus.Discarded, D(2025, 5, 6), false), (builder.State.Status, builder.State.DiscardedOn, builder.State.AbsorbsCases));
        Assert.Empty(builder.State.AllowedActions());
        PatternNotice().When(new DiscardDraft()).ShouldBeInvalid("reason");
    }

    [Fact]
    public void An_open_notice_cites_further_cases_once_each_in_citation_order()
    {
        var builder = PatternNotice();
        var command = new CiteCases
        {
            Citations = [Citation.Of(SupervisionFixture.Corrected("RC-5", D(2025, 6, 2))), Citation.Of(SupervisionFixture.Corrected("RC-0", D(2025, 3, 1))), new Citation { CaseId = "RC-1" }],
        };

        var cited = builder.When(command).ShouldRecord<CasesCited, SupervisionInstrument, InstrumentEvent>();
        builder.Then(command);

        Assert.Equal(["RC-0", "RC-5"], cited.Citations.Select(c => c.CaseId));
        Assert.Equal(["RC-0", "RC-1", "RC-2", "RC-3", "RC-5"], builder.State.Citations.Select(c => c.CaseId));
        builder.When(command).ShouldBeUnchanged(builder.State, "already_cited");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Cites_in_any_batches_and_order_hold_the_citations_a_sort_of_them_all_gives(int seed)
    {
        var random = new Random(seed);
        var pool = Enumerable.Range(0, 400)
            .Select(i => i % 7 == 0
                ? new Citation { CaseId = $"RC-{random.Next(1000):000}" }
                : Citation.Of(SupervisionFixture.Corrected($"RC-{random.Next(1000):000}", D(2025, 3, 1).AddDays(random.Next(30)))))
            .DistinctBy(c => c.CaseId)
            .ToList();
        var builder = PatternNotice();
        var drafted = builder.State.Citations;
        for (var sent = 0; sent < pool.Count;)
        {
            var batch = pool.Skip(sent).Take(random.Next(1, 20)).ToList();
            sent += batch.Count;
            builder.Then(new CiteCases { Citations = [.. batch, .. batch.Take(2)] });
        }

        var expected = SupervisionInstrument.InCitationOrder([.. drafted, .. pool.Where(c => !drafted.Any(d => d.CaseId == c.CaseId))]);
        Assert.Equal(expected.Select(c => c.CaseId), builder.State.Citations.Select(c => c.CaseId));

        // Read back as a store gives them (any order), the notice still knows every case it cites.
        var reloaded = builder.State with { Citations = SupervisionInstrument.InCitationOrder(builder.State.Citations.Reverse()) };
        Assert.Equal(expected.Select(c => c.CaseId), reloaded.Citations.Select(c => c.CaseId));
        reloaded.Handle(new CiteCases { Citations = [pool[^1]] }, new CaseContext(new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(8)), ShippedCalendar)).ShouldBeUnchanged(reloaded, "already_cited");
    }

    [Fact]
    public void A_case_sent_in_as_the_notice_finished_is_still_cited_not_lost()
    {
        var builder = ReceivedNotice().On(D(2025, 6, 3)).Reported().Then(new AcceptRectification());

        builder.Then(new CiteCases { Citations = [new Citation { CaseId = "RC-9" }] });

        Assert.Contains("RC-9", builder.State.Citations.Select(c => c.CaseId));
    }

    [Fact]
    public void An_opinion_letter_cites_only_its_own_case()
    {
        OpinionLetter().When(new CiteCases { Citations = [new Citation { CaseId = "RC-9" }] }).ShouldBeInvalid("citations", "not_a_notice");
        PatternNotice().When(new CiteCases { Citations = [] }).ShouldBeInvalid("citations");
    }
}
