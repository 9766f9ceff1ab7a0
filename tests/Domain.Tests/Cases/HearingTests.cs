using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class HearingTests
{
    private static CaseBuilder UnderReviewOn(DateOnly day) => Given.CaseReceivedOn(D(2025, 9, 1)).Accepted().On(day);

    [Fact]
    public void Scheduling_a_hearing_sets_the_notice_five_working_days_before_it()
    {
        var transition = UnderReviewOn(D(2025, 9, 26)).When(new ScheduleHearing { HearingOn = D(2025, 10, 13) });

        var scheduled = transition.ShouldRecord<HearingScheduled>();
        var state = transition.State!;

        // Counted back from 13 October: 11-Oct (a Saturday worked in lieu), 10-Oct, 9-Oct, then over the National Day holiday to 30-Sep and 29-Sep.
        Assert.Equal(D(2025, 9, 29), state.CurrentDeadline(DeadlineKind.HearingNotice)!.DueOn);
        Assert.Equal((D(2025, 10, 13), D(2025, 9, 26)), (state.Hearing!.HearingOn, state.Hearing.ScheduledOn));
        Assert.Equal((D(2025, 10, 13), D(2025, 9, 29), null), (scheduled.HearingOn, scheduled.NoticeDueOn, scheduled.PreviousHearingOn));
    }

    [Fact]
    public void A_hearing_too_soon_for_five_working_days_notice_is_refused()
    {
        var transition = UnderReviewOn(D(2025, 9, 30)).When(new ScheduleHearing { HearingOn = D(2025, 10, 13) });

        transition.ShouldViolate("hearing_notice_period_too_short", "第五十一条");
    }

    [Theory]
    [InlineData(2026, 9, 27)]
    [InlineData(9999, 12, 31)]
    public void A_hearing_more_than_a_year_ahead_is_refused(int year, int month, int day)
    {
        var underReview = UnderReviewOn(D(2025, 9, 26));

        underReview.When(new ScheduleHearing { HearingOn = D(year, month, day) }).ShouldBeInvalid("hearingOn", "date_too_far_ahead");
        underReview.When(new ScheduleHearing { HearingOn = D(2026, 9, 26) }).ShouldRecord<HearingScheduled>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_hearing_is_scheduled_for_a_later_day(int daysFromToday)
    {
        var transition = UnderReviewOn(D(2025, 9, 26)).When(new ScheduleHearing { HearingOn = D(2025, 9, 26).AddDays(daysFromToday) });

        transition.ShouldBeInvalid("hearingOn", "hearing_not_in_future");
    }

    [Fact]
    public void Moving_the_hearing_replaces_the_notice_period_of_the_old_date()
    {
        var transition = UnderReviewOn(D(2025, 9, 22)).HearingScheduledFor(D(2025, 10, 13)).On(D(2025, 9, 23))
            .When(new ScheduleHearing { HearingOn = D(2025, 10, 20) });

        Assert.Equal(D(2025, 10, 13), transition.ShouldRecord<HearingScheduled>().PreviousHearingOn);
        var notices = transition.State!.Deadlines.Where(d => d.Kind == DeadlineKind.HearingNotice).ToList();
        Assert.Equal([DeadlineStatus.Cancelled, DeadlineStatus.Running], notices.Select(d => d.StatusOn(D(2025, 9, 23))));
        Assert.Equal(D(2025, 10, 13), notices[1].DueOn);
    }

    [Fact]
    public void A_hearing_moved_after_its_notice_needs_a_new_notice()
    {
        var state = UnderReviewOn(D(2025, 9, 22)).HearingScheduledFor(D(2025, 10, 13)).Then(new SendHearingNotice())
            .Then(new ScheduleHearing { HearingOn = D(2025, 10, 20) }).State;

        Assert.Null(state.Hearing!.NoticeSentOn);
        Assert.Contains(CaseActionName.SendHearingNotice, state.AllowedActions());
        var notices = state.Deadlines.Where(d => d.Kind == DeadlineKind.HearingNotice).ToList();
        Assert.Equal([DeadlineStatus.Met, DeadlineStatus.Running], notices.Select(d => d.StatusOn(D(2025, 9, 22))));
    }

    [Fact]
    public void Sending_the_notice_completes_the_notice_period()
    {
        var transition = UnderReviewOn(D(2025, 9, 22)).HearingScheduledFor(D(2025, 10, 13)).On(D(2025, 9, 24)).When(new SendHearingNotice());

        var sent = transition.ShouldRecord<HearingNoticeSent>();
        var state = transition.State!;
        Assert.Equal(D(2025, 9, 24), state.Hearing!.NoticeSentOn);
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.HearingNotice)!.StatusOn(D(2025, 9, 24)));
        Assert.Equal((D(2025, 9, 24), D(2025, 10, 13)), (sent.SentOn, sent.HearingOn));
    }

    [Fact]
    public void No_notice_is_sent_for_a_hearing_that_was_not_scheduled()
    {
        UnderReviewOn(D(2025, 9, 22)).When(new SendHearingNotice()).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }

    [Fact]
    public void A_hearing_is_not_held_before_its_notice_was_sent()
    {
        UnderReviewOn(D(2025, 9, 22)).HearingScheduledFor(D(2025, 10, 13)).When(new HoldHearing { Summary = "听证" })
            .ShouldNotBeAllowed(CaseStatus.UnderReview);
    }

    [Fact]
    public void Holding_the_hearing_records_its_summary()
    {
        var transition = UnderReviewOn(D(2025, 9, 22)).HearingScheduledFor(D(2025, 10, 13)).Then(new SendHearingNotice())
            .On(D(2025, 10, 13)).When(new HoldHearing { Summary = "双方到场陈述意见并质证" });

        var held = transition.ShouldRecord<HearingHeld>();
        var state = transition.State!;
        Assert.Equal((D(2025, 10, 13), "双方到场陈述意见并质证"), (state.Hearing!.HeldOn, state.Hearing.Summary));
        Assert.Equal(D(2025, 10, 13), held.HeldOn);
        Assert.DoesNotContain(CaseActionName.ScheduleHearing, state.AllowedActions());
        Assert.DoesNotContain(CaseActionName.HoldHearing, state.AllowedActions());
    }

    [Fact]
    public void A_hearing_is_not_recorded_as_held_before_its_date()
    {
        var transition = UnderReviewOn(D(2025, 9, 22)).HearingScheduledFor(D(2025, 10, 13)).Then(new SendHearingNotice())
            .On(D(2025, 10, 10)).When(new HoldHearing { Summary = "听证" });

        transition.ShouldViolate("hearing_date_not_reached", "第五十一条");
    }

    [Fact]
    public void A_held_hearing_has_a_summary()
    {
        var transition = UnderReviewOn(D(2025, 9, 22)).HearingScheduledFor(D(2025, 10, 13)).Then(new SendHearingNotice())
            .On(D(2025, 10, 13)).When(new HoldHearing { Summary = "" });

        transition.ShouldBeInvalid("summary");
    }

    [Fact]
    public void The_committee_is_asked_for_its_opinion_and_the_opinion_recorded()
    {
        var builder = UnderReviewOn(D(2025, 9, 22));

        var requested = builder.When(new RequestCommitteeConsultation());
        Assert.Equal(D(2025, 9, 22), requested.ShouldRecord<CommitteeConsultationRequested>().RequestedOn);
        builder.Then(new RequestCommitteeConsultation()).On(D(2025, 9, 30));
        var recorded = builder.When(new RecordCommitteeOpinion { Opinion = "建议撤销原行政行为" });

        Assert.Equal("建议撤销原行政行为", recorded.ShouldRecord<CommitteeOpinionRecorded>().Opinion);
        var committee = recorded.State!.Committee!;
        Assert.Equal((D(2025, 9, 22), "建议撤销原行政行为", D(2025, 9, 30)), (committee.RequestedOn, committee.Opinion, committee.OpinionRecordedOn));
        Assert.DoesNotContain(CaseActionName.RecordCommitteeOpinion, recorded.State.AllowedActions());
    }

    [Fact]
    public void The_committee_is_asked_only_once()
    {
        UnderReviewOn(D(2025, 9, 22)).Then(new RequestCommitteeConsultation()).When(new RequestCommitteeConsultation())
            .ShouldNotBeAllowed(CaseStatus.UnderReview);
    }

    [Fact]
    public void No_opinion_is_recorded_before_the_committee_was_asked()
    {
        UnderReviewOn(D(2025, 9, 22)).When(new RecordCommitteeOpinion { Opinion = "意见" }).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }

    [Fact]
    public void The_committee_opinion_has_content()
    {
        UnderReviewOn(D(2025, 9, 22)).Then(new RequestCommitteeConsultation()).When(new RecordCommitteeOpinion { Opinion = " " })
            .ShouldBeInvalid("opinion");
    }
}
