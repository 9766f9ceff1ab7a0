using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Supervision.Support;
using static CaseGrains.Domain.Deadlines.Reminders.ReminderStep;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using static CaseGrains.Domain.Tests.Supervision.Support.Instruments;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>The rectification period is watched like a case's deadlines; an agency that lets it pass faces the Art. 77
/// follow-ups, and the matter goes up a level each time a period lapses: county → city → province, and no further.</summary>
public sealed class InstrumentOverdueTests
{
    private const string County = "/R210000/R210100/R210104/";
    private const string City = "/R210000/R210100/";
    private const string Province = "/R210000/";

    [Fact]
    public void The_rectification_period_has_a_reminder_ladder_like_a_case_s_deadlines()
    {
        // Due Wed 11 June 2025; three working days before is Fri 6 June (Mon 2 June is the Dragon Boat Festival, not in the way).
        var ladder = ReceivedNotice().Ladder();

        Assert.Equal(
            [(DeadlineKind.Rectification, AdvanceWarning, D(2025, 6, 6)), (DeadlineKind.Rectification, DueToday, D(2025, 6, 11)), (DeadlineKind.Rectification, Overdue, D(2025, 6, 12))],
            ladder.Select(r => (r.Kind, r.Step, r.On)));
        Assert.All(ladder, r => Assert.Equal(("SN-A-R210104-TRAFFIC-procedure-1", 0, D(2025, 6, 11)), (r.CaseId, r.DeadlineId, r.DueOn)));
    }

    [Fact]
    public void An_instrument_with_no_running_period_has_nothing_to_remind_of()
    {
        Assert.Empty(PatternNotice().On(D(2025, 5, 8)).Issued().Ladder());
        Assert.Empty(ReceivedNotice().On(D(2025, 6, 3)).Reported().Ladder());
    }

    [Fact]
    public void A_warning_tells_the_agency_and_the_issuer_s_officers()
    {
        var fired = Assert.IsType<InstrumentReminderFired>(ReceivedNotice().Fired(DeadlineKind.Rectification, AdvanceWarning).Events[^1]);

        Assert.Equal((AdvanceWarning, D(2025, 6, 6), null, false), (fired.Step, fired.FiredOn, fired.Escalation, fired.NoHigherSupervisor));
        Assert.Equal([NotificationAudience.RespondentAgency, NotificationAudience.CaseOfficers], fired.Audiences);
    }

    [Fact]
    public void A_lapsed_period_makes_the_instrument_overdue_and_sends_the_matter_from_the_county_to_the_city()
    {
        var builder = ReceivedNotice();
        Assert.Equal(InstrumentStatus.Received, builder.State.Status);

        builder.Fired(DeadlineKind.Rectification, Overdue);

        var fired = Assert.IsType<InstrumentReminderFired>(builder.Events[^1]);
        var escalation = new Escalation
        {
            FromRegionPath = County, ToRegionPath = City, ToLevel = RegionLevel.City, EscalatedOn = D(2025, 6, 12),
            Lapsed = DeadlineKind.Rectification, DueOn = D(2025, 6, 11),
        };
        Assert.Equal(escalation, fired.Escalation);
        Assert.Equal(
            [NotificationAudience.RespondentAgency, NotificationAudience.CaseOfficers, NotificationAudience.HeadOfBody, NotificationAudience.SupervisionOffice],
            fired.Audiences);
        Assert.Equal((InstrumentStatus.Overdue, true, City), (builder.State.Status, builder.State.RectificationOverdue, builder.State.SupervisorRegionPath));
        Assert.Equal([escalation], builder.State.Escalations);
    }

    [Fact]
    public void The_Article_77_follow_ups_are_available_only_once_the_period_has_lapsed()
    {
        var builder = ReceivedNotice().On(D(2025, 6, 11));

        builder.When(new OrderCompliance { ComplyBy = D(2025, 6, 30) }).ShouldNotBeAllowed("received");
        builder.When(new SummonHead { Summary = "约谈" }).ShouldNotBeAllowed("received");
        builder.When(new CriticisePublicly { Summary = "通报" }).ShouldNotBeAllowed("received");
    }

    [Theory]
    [InlineData(2026, 6, 14)]
    [InlineData(9999, 12, 31)]
    public void An_order_to_comply_more_than_a_year_ahead_is_refused(int year, int month, int day)
    {
        var builder = ReceivedNotice().Fired(DeadlineKind.Rectification, Overdue).On(D(2025, 6, 13));

        builder.When(new OrderCompliance { ComplyBy = D(year, month, day) }).ShouldBeInvalid("complyBy", "date_too_far_ahead");
        builder.When(new OrderCompliance { ComplyBy = D(2026, 6, 13) }).ShouldRecord<ComplianceOrdered, SupervisionInstrument, InstrumentEvent>();
    }

    [Fact]
    public void An_overdue_agency_is_ordered_to_comply_summoned_and_criticised()
    {
        // Ordered on Fri 13 June to comply by Sun 29 June: the date counts as a natural-day period and moves to Mon 30 June.
        var builder = ReceivedNotice().Fired(DeadlineKind.Rectification, Overdue).On(D(2025, 6, 13));

        var ordered = builder.When(new OrderCompliance { ComplyBy = D(2025, 6, 29) }).ShouldRecord<ComplianceOrdered, SupervisionInstrument, InstrumentEvent>();
        builder.Then(new OrderCompliance { ComplyBy = D(2025, 6, 29) })
            .On(D(2025, 6, 16)).Then(new SummonHead { Summary = "约谈大队长，要求限期整改", HeldOn = D(2025, 6, 16) })
            .On(D(2025, 6, 17)).Then(new CriticisePublicly { Summary = "在全区范围内通报批评" });

        Assert.Equal((D(2025, 6, 30), D(2025, 6, 13)), (ordered.ComplyBy, ordered.OrderedOn));
        Assert.Equal(
            [
                new FollowUp { Kind = FollowUpKind.OrderCompliance, TakenOn = D(2025, 6, 13), ComplyBy = D(2025, 6, 30) },
                new FollowUp { Kind = FollowUpKind.SummonHead, TakenOn = D(2025, 6, 16), Summary = "约谈大队长，要求限期整改" },
                new FollowUp { Kind = FollowUpKind.PublicCriticism, TakenOn = D(2025, 6, 17), Summary = "在全区范围内通报批评" },
            ],
            builder.State.FollowUps);
        var order = builder.State.CurrentDeadline(DeadlineKind.ComplianceOrder)!;
        Assert.Equal((D(2025, 6, 30), "《行政复议法》第七十七条"), (order.DueOn, order.Basis));
        Assert.Equal(InstrumentStatus.Overdue, builder.State.Status);
    }

    [Fact]
    public void One_compliance_order_runs_at_a_time_and_its_date_is_still_to_come()
    {
        var builder = ReceivedNotice().Fired(DeadlineKind.Rectification, Overdue).On(D(2025, 6, 13));

        builder.When(new OrderCompliance { ComplyBy = D(2025, 6, 13) }).ShouldBeInvalid("complyBy", "date_not_after_today");
        builder.Then(new OrderCompliance { ComplyBy = D(2025, 6, 30) });
        builder.When(new OrderCompliance { ComplyBy = D(2025, 7, 15) }).ShouldViolate("compliance_order_running", "第七十七条");
    }

    [Fact]
    public void A_summons_and_a_criticism_say_what_was_said()
    {
        var builder = ReceivedNotice().Fired(DeadlineKind.Rectification, Overdue);

        builder.When(new SummonHead { Summary = " " }).ShouldBeInvalid("summary");
        builder.When(new SummonHead { Summary = "约谈", HeldOn = D(2025, 6, 13) }).ShouldBeInvalid("heldOn", "date_in_the_future");
        builder.When(new CriticisePublicly { Summary = "" }).ShouldBeInvalid("summary");
    }

    [Fact]
    public void Each_lapse_goes_one_level_higher_until_the_province_which_has_nowhere_further_to_go()
    {
        var builder = ReceivedNotice()
            .Fired(DeadlineKind.Rectification, Overdue)
            .On(D(2025, 6, 13)).Then(new OrderCompliance { ComplyBy = D(2025, 6, 30) })
            .Fired(DeadlineKind.ComplianceOrder, Overdue);

        var second = Assert.IsType<InstrumentReminderFired>(builder.Events[^1]).Escalation!;
        Assert.Equal((City, Province, RegionLevel.Province, DeadlineKind.ComplianceOrder, D(2025, 7, 1)), (second.FromRegionPath, second.ToRegionPath, second.ToLevel, second.Lapsed, second.EscalatedOn));

        // A late report answers both periods; sent back, it lapses once more, and the province keeps the matter.
        builder.On(D(2025, 7, 2)).Reported().Then(new SendBackRectification { Reason = "整改不到位", ResubmitBy = D(2025, 7, 21) }).Fired(DeadlineKind.Rectification, Overdue);

        var third = Assert.IsType<InstrumentReminderFired>(builder.Events[^1]);
        Assert.Equal((null, true), (third.Escalation, third.NoHigherSupervisor));
        Assert.Equal([City, Province], builder.State.Escalations.Select(e => e.ToRegionPath));
        Assert.Equal((InstrumentStatus.Overdue, Province), (builder.State.Status, builder.State.SupervisorRegionPath));
    }

    [Fact]
    public void An_opinion_letter_of_a_city_body_goes_to_the_province_and_no_further()
    {
        var builder = OpinionLetter().On(D(2025, 5, 8)).Issued().On(D(2025, 6, 3)).Received().Fired(DeadlineKind.Rectification, Overdue);

        Assert.Equal((D(2025, 8, 5), Province, RegionLevel.Province), (builder.Today, builder.State.SupervisorRegionPath, builder.State.Escalations.Single().ToLevel));

        builder.On(D(2025, 8, 6)).Then(new OrderCompliance { ComplyBy = D(2025, 8, 20) }).Fired(DeadlineKind.ComplianceOrder, Overdue);

        Assert.True(Assert.IsType<InstrumentReminderFired>(builder.Events[^1]).NoHigherSupervisor);
        Assert.Single(builder.State.Escalations);
    }

    [Fact]
    public void A_late_report_is_taken_marked_late_and_the_instrument_stays_counted_as_overdue()
    {
        var builder = ReceivedNotice().Fired(DeadlineKind.Rectification, Overdue).On(D(2025, 6, 13));
        builder.Then(new OrderCompliance { ComplyBy = D(2025, 6, 30) }).On(D(2025, 6, 20));

        var reported = builder.When(new ReportRectification { Text = "已整改" }).ShouldRecord<RectificationReported, SupervisionInstrument, InstrumentEvent>();
        builder.Reported().Then(new AcceptRectification());

        Assert.True(reported.Late);
        Assert.Equal(DeadlineStatus.Missed, builder.State.CurrentDeadline(DeadlineKind.Rectification)!.StatusOn(D(2025, 6, 20)));
        Assert.Equal(DeadlineStatus.Met, builder.State.CurrentDeadline(DeadlineKind.ComplianceOrder)!.StatusOn(D(2025, 6, 20)));
        Assert.Equal((InstrumentStatus.Accepted, true), (builder.State.Status, builder.State.RectificationOverdue));
        Assert.Empty(builder.Ladder());
    }

    [Fact]
    public void The_same_step_delivered_twice_is_recorded_once_and_escalates_once()
    {
        var builder = ReceivedNotice();
        var overdue = builder.Scheduled(DeadlineKind.Rectification, Overdue);
        builder.Delivered(overdue);

        builder.WhenAt(overdue.FireAt.AddMinutes(3), InstrumentReminders.ToCommand(overdue)).ShouldBeUnchanged(builder.State, "reminder_already_fired");
        Assert.Single(builder.State.Escalations);
    }

    [Fact]
    public void A_step_for_a_period_the_report_answered_changes_nothing()
    {
        var builder = ReceivedNotice();
        var dueToday = builder.Scheduled(DeadlineKind.Rectification, DueToday);
        builder.On(D(2025, 6, 3)).Reported();

        builder.WhenAt(dueToday.FireAt, InstrumentReminders.ToCommand(dueToday)).ShouldBeUnchanged(builder.State, "deadline_not_running");
    }

    [Fact]
    public void A_step_for_a_due_date_the_deadline_no_longer_has_is_stale()
    {
        var builder = ReceivedNotice();
        var command = InstrumentReminders.ToCommand(builder.Scheduled(DeadlineKind.Rectification, DueToday)) with { DueOn = D(2025, 6, 10) };

        builder.On(D(2025, 6, 11)).When(command).ShouldBeUnchanged(builder.State, "reminder_stale");
    }

    [Fact]
    public void A_warning_after_the_due_date_came_is_superseded()
    {
        var builder = ReceivedNotice();
        var warning = builder.Scheduled(DeadlineKind.Rectification, AdvanceWarning);

        builder.On(D(2025, 6, 11)).When(InstrumentReminders.ToCommand(warning)).ShouldBeUnchanged(builder.State, "reminder_superseded");
    }

    [Fact]
    public void An_overdue_step_before_the_period_has_run_is_refused_so_it_is_tried_again()
    {
        var builder = ReceivedNotice();
        var overdue = builder.Scheduled(DeadlineKind.Rectification, Overdue);

        builder.On(D(2025, 6, 11)).When(InstrumentReminders.ToCommand(overdue)).ShouldViolate("reminder_not_due", "行政执法监督通知书");
        Assert.Equal(InstrumentStatus.Received, builder.State.Status);
    }

    [Fact]
    public void A_step_for_a_deadline_the_instrument_does_not_have_is_invalid()
    {
        var builder = ReceivedNotice();

        builder.When(new FireInstrumentReminder { Kind = DeadlineKind.ComplianceOrder, DeadlineId = 0, Step = Overdue, DueOn = D(2025, 6, 11) })
            .ShouldBeInvalid("deadlineId", "deadline_not_found");
        builder.When(new FireInstrumentReminder { Kind = DeadlineKind.Rectification, DeadlineId = 0, Step = (ReminderStep)9, DueOn = D(2025, 6, 11) })
            .ShouldBeInvalid("step", "unknown_reminder_step");
    }

    [Fact]
    public void The_advance_warning_follows_the_policy_for_rectification_periods()
    {
        var policy = ReminderPolicy.Default.WithAdvanceWarningDays(DeadlineKind.Rectification, 10);

        Assert.Equal(D(2025, 5, 27), ReceivedNotice().Ladder(policy).First().On);
    }
}
