using System.Text.Json;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Complaints.Support;
using CaseGrains.Domain.Tests.Supervision.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using Action = CaseGrains.Domain.Complaints.ComplaintActionName;
using ComplaintCases = CaseGrains.Domain.Tests.Complaints.Support.Complaints;
using SupervisionGiven = CaseGrains.Domain.Tests.Supervision.Support.Given;

namespace CaseGrains.Domain.Tests.Complaints;

/// <summary>投诉举报: received → verified (or rejected as out of scope) → handled → answered within the period → closed.</summary>
public sealed class ComplaintWorkflowTests
{
    private static ComplaintBuilder Received() => ComplaintCases.ReceivedOn(D(2025, 3, 3));

    [Fact]
    public void A_complaint_is_received_and_its_answer_period_runs_from_that_day()
    {
        // 3 March + 60 days is Fri 2 May, inside the Labour Day holiday (1-5 May): the period ends on Tue 6 May.
        var builder = Received();
        var received = Assert.IsType<ComplaintReceived>(Assert.Single(builder.Events));

        Assert.Equal((ComplaintStatus.Received, D(2025, 3, 3), D(2025, 5, 6)), (builder.State.Status, received.ReceivedOn, received.AnswerDueOn));
        Assert.Equal((SupervisionFixture.Agency.Id, "沈阳市公安局交通警察支队大东大队", "/R210000/R210100/R210104/", "S-R210104"),
            (builder.State.AgencyId, builder.State.AgencyName, builder.State.RegionPath, builder.State.HandlingOfficeId));
        Assert.Equal(new Complainant { Name = "李四", Phone = "13912345678" }, builder.State.Complainant);
        var deadline = Assert.Single(builder.State.Deadlines);
        Assert.Equal((DeadlineKind.ComplaintAnswer, 60, DeadlineUnit.NaturalDays, D(2025, 5, 6)), (deadline.Kind, deadline.Length, deadline.Unit, deadline.DueOn));
    }

    [Fact]
    public void A_report_may_be_anonymous_a_complaint_may_not()
    {
        ComplaintCases.ReceivedOn(D(2025, 3, 3), c => c with { Kind = ComplaintKind.Report, Complainant = null });

        EnforcementComplaint.Receive("TS-2", ComplaintCases.Complaint(D(2025, 3, 3)) with { Complainant = null }, ComplaintCases.Routing, ComplaintPeriods.Answer(), At(D(2025, 3, 3)))
            .ShouldBeInvalid("complainant", "complainant_required");
    }

    public static TheoryData<string, string, Func<ReceiveComplaint, ReceiveComplaint>> InvalidReceipts => new()
    {
        { "conduct", "value_required", c => c with { Conduct = " " } },
        { "conduct", "text_too_long", c => c with { Conduct = new string('字', 5_001) } },
        { "receivedOn", "date_in_the_future", c => c with { ReceivedOn = D(2025, 3, 4) } },
        { "complainant.name", "value_required", c => c with { Complainant = new() { Name = "" } } },
        { "complainant.phone", "phone_invalid", c => c with { Complainant = new() { Name = "李四", Phone = "12345" } } },
    };

    [Theory]
    [MemberData(nameof(InvalidReceipts))]
    public void A_malformed_complaint_is_refused_naming_the_field(string field, string code, Func<ReceiveComplaint, ReceiveComplaint> spoil)
    {
        EnforcementComplaint.Receive("TS-2", spoil(ComplaintCases.Complaint(D(2025, 3, 3))), ComplaintCases.Routing, ComplaintPeriods.Answer(), At(D(2025, 3, 3)))
            .ShouldBeInvalid(field, code);
    }

    [Fact]
    public void The_routing_names_the_agency_complained_of_and_the_period_is_an_answer_period()
    {
        var body = LiaoningDemo.Organisations.Single(o => o.Id == LiaoningDemo.DadongBody);

        Assert.Throws<ArgumentException>(() => EnforcementComplaint.Receive("TS-2", ComplaintCases.Complaint(D(2025, 3, 3)), ComplaintCases.Routing with { Agency = body }, ComplaintPeriods.Answer(), At(D(2025, 3, 3))));
        Assert.Throws<ArgumentException>(() => EnforcementComplaint.Receive("TS-2", ComplaintCases.Complaint(D(2025, 3, 3)), ComplaintCases.Routing, SupervisionPeriods.Notice(), At(D(2025, 3, 3))));
        Assert.Throws<ArgumentException>(() => EnforcementComplaint.Receive("TS-2", ComplaintCases.Complaint(D(2025, 3, 3)), ComplaintCases.Routing with { RegionPath = "/R210000/R210100/" }, ComplaintPeriods.Answer(), At(D(2025, 3, 3))));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintPeriods.Answer(0));
    }

    [Fact]
    public void A_substantiated_complaint_is_handled_with_corrective_action_answered_in_time_and_closed()
    {
        var builder = Received().On(D(2025, 3, 5)).Verified().On(D(2025, 4, 10)).Substantiated().On(D(2025, 4, 15)).Answered().On(D(2025, 4, 16)).Then(new CloseComplaint());

        Assert.Equal(
            [Action.ReceiveComplaint, Action.VerifyComplaint, Action.HandleComplaint, Action.AnswerComplainant, Action.CloseComplaint],
            builder.Events.Select(e => e.Action));
        var state = builder.State;
        Assert.Equal((ComplaintStatus.Closed, D(2025, 4, 16)), (state.Status, state.ClosedOn));
        Assert.Equal(new ComplaintVerification { Summary = "属于交通警察大队的行政执法行为，予以受理", VerifiedOn = D(2025, 3, 5) }, state.Verification);
        Assert.Equal((true, "责令退还扣押车辆，对相关执法人员批评教育", D(2025, 4, 10)), (state.Handling!.Substantiated, state.Handling.CorrectiveAction, state.Handling.HandledOn));
        Assert.Equal(new ComplaintAnswer { Summary = "经查属实，已责令纠正", AnsweredOn = D(2025, 4, 15), Late = false }, state.Answer);
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.ComplaintAnswer)!.StatusOn(D(2025, 4, 16)));
        Assert.Empty(state.AllowedActions());
    }

    [Fact]
    public void A_complaint_out_of_scope_is_rejected_and_the_complainant_still_answered()
    {
        var builder = Received().On(D(2025, 3, 4)).Then(new RejectComplaint { Ground = ComplaintRejectionGround.OtherRemedyAvailable, Reasons = "对处罚决定不服的，可依法申请行政复议" });

        Assert.Equal(new ComplaintRejection { Ground = ComplaintRejectionGround.OtherRemedyAvailable, Reasons = "对处罚决定不服的，可依法申请行政复议", RejectedOn = D(2025, 3, 4) }, builder.State.Rejection);
        Assert.Equal([Action.AnswerComplainant], builder.State.AllowedActions());
        builder.Then(new AnswerComplainant { Summary = "不予受理，告知申请行政复议" }).Then(new CloseComplaint());
        Assert.Equal(ComplaintStatus.Closed, builder.State.Status);
        Assert.Null(builder.State.Finding(version: 4));
    }

    public static TheoryData<string, string, Func<HandleComplaint, HandleComplaint>> InvalidHandlings => new()
    {
        { "summary", "value_required", h => h with { Summary = " " } },
        { "flaws", "flaws_required", h => h with { Flaws = [] } },
        { "correctiveAction", "value_required", h => h with { CorrectiveAction = null } },
        { "legalBasis", "value_required", h => h with { LegalBasis = "" } },
        { "flaws", "flaws_not_allowed", h => h with { Substantiated = false } },
        { "correctiveAction", "corrective_action_not_applicable", h => h with { Substantiated = false, Flaws = [] } },
    };

    [Theory]
    [MemberData(nameof(InvalidHandlings))]
    public void A_substantiated_complaint_says_what_was_wrong_and_what_is_to_be_corrected_and_one_not_substantiated_says_neither(
        string field, string code, Func<HandleComplaint, HandleComplaint> spoil)
    {
        Received().Verified().When(spoil(ComplaintCases.Substantiated)).ShouldBeInvalid(field, code);
    }

    [Fact]
    public void A_complaint_not_substantiated_is_handled_and_answered_but_tells_the_agency_nothing()
    {
        var builder = Received().Verified().Then(new HandleComplaint { Substantiated = false, Summary = "经核查，执法程序合法" });

        Assert.Equal((false, 0), (builder.State.Handling!.Substantiated, builder.State.Handling.Flaws.Count));
        Assert.Null(builder.State.Finding(version: 3));
    }

    [Fact]
    public void A_substantiated_complaint_is_a_finding_against_the_agency()
    {
        var finding = Received().Verified().On(D(2025, 4, 10)).Substantiated().State.Finding(version: 3)!;

        Assert.Equal(
            (FindingSource.Complaint, "TS-2025-0001", SupervisionFixture.Agency.Id, D(2025, 4, 10), null, 3L, true, false),
            (finding.Source, finding.CaseId, finding.AgencyId, finding.FoundOn, finding.DecisionType, finding.SourceVersion, finding.IsCorrection, finding.IsReconsideration));
        Assert.Equal([FlawKind.Procedure], finding.Flaws);
        Assert.Equal("《中华人民共和国行政处罚法》第五十五条", finding.LegalBasis);
    }

    [Fact]
    public void A_substantiated_complaint_completes_a_pattern_with_corrected_cases()
    {
        var finding = Received().Verified().On(D(2025, 4, 10)).Substantiated().State.Finding(version: 3)!;
        var agency = SupervisionGiven.AgencyOn(D(2025, 4, 10)).Recorded(SupervisionFixture.Corrected("RC-1", D(2025, 1, 6)), SupervisionFixture.Corrected("RC-2", D(2025, 2, 3)));

        agency.Recorded(finding);

        var match = Assert.Single(agency.Patterns);
        Assert.True(match.DraftsNotice);
        Assert.Equal(["RC-1", "RC-2", "TS-2025-0001"], match.Cited.Select(c => c.CaseId));
        Assert.Equal(1m, agency.State.CorrectionRate()); // the complaint is no reconsideration case: in neither part of the rate
    }

    [Fact]
    public void A_late_answer_is_given_and_shows_the_period_missed()
    {
        var builder = Received().Verified().Substantiated().Fired(ReminderStep.Overdue).On(D(2025, 5, 9));

        var answered = builder.When(new AnswerComplainant { Summary = "已处理" }).ShouldRecord<ComplainantAnswered, EnforcementComplaint, ComplaintEvent>();
        builder.Answered();

        Assert.True(answered.Late);
        Assert.Equal(DeadlineStatus.Missed, builder.State.CurrentDeadline(DeadlineKind.ComplaintAnswer)!.StatusOn(D(2025, 5, 9)));
        Assert.True(builder.State.AnswerOverdue);
    }

    [Fact]
    public void The_answer_period_is_reminded_of_and_an_overdue_answer_is_marked_once()
    {
        // Three working days before Tue 6 May, going back over the Labour Day days off (1-5 May), is Mon 28 April.
        var builder = Received();
        Assert.Equal(
            [(ReminderStep.AdvanceWarning, D(2025, 4, 28)), (ReminderStep.DueToday, D(2025, 5, 6)), (ReminderStep.Overdue, D(2025, 5, 7))],
            builder.Ladder().Select(r => (r.Step, r.On)));
        var overdue = builder.Scheduled(ReminderStep.Overdue);

        builder.Fired(ReminderStep.Overdue);

        var fired = Assert.IsType<ComplaintReminderFired>(builder.Events[^1]);
        Assert.Equal((true, D(2025, 5, 7)), (fired.AnswerOverdue, fired.FiredOn));
        Assert.Equal([NotificationAudience.CaseOfficers, NotificationAudience.HeadOfBody], fired.Audiences);
        Assert.Equal(ComplaintStatus.Received, builder.State.Status);
        builder.WhenAt(overdue.FireAt, ComplaintReminders.ToCommand(overdue)).ShouldBeUnchanged(builder.State, "reminder_already_fired");
    }

    [Fact]
    public void An_answered_complaint_is_not_reminded_of()
    {
        var builder = Received();
        var dueToday = builder.Scheduled(ReminderStep.DueToday);
        builder.Verified().Substantiated().Answered();

        Assert.Empty(builder.Ladder());
        builder.WhenAt(dueToday.FireAt, ComplaintReminders.ToCommand(dueToday)).ShouldBeUnchanged(builder.State, "deadline_not_running");
    }

    [Fact]
    public void A_warning_tells_only_the_officers()
    {
        var fired = Assert.IsType<ComplaintReminderFired>(Received().Fired(ReminderStep.AdvanceWarning).Events[^1]);

        Assert.False(fired.AnswerOverdue);
        Assert.Equal([NotificationAudience.CaseOfficers], fired.Audiences);
    }

    public static TheoryData<string, Action[]> Allowed => new()
    {
        { "received", [Action.VerifyComplaint, Action.RejectComplaint] },
        { "verified", [Action.HandleComplaint] },
        { "rejected", [Action.AnswerComplainant] },
        { "handled", [Action.AnswerComplainant] },
        { "answered", [Action.CloseComplaint] },
        { "closed", [] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_status_allows_its_next_steps_and_refuses_every_other(string status, Action[] allowed)
    {
        var builder = status switch
        {
            "received" => Received(),
            "verified" => Received().Verified(),
            "rejected" => Received().Then(new RejectComplaint { Ground = ComplaintRejectionGround.Duplicate, Reasons = "重复投诉" }),
            "handled" => Received().Verified().Substantiated(),
            "answered" => Received().Verified().Substantiated().Answered(),
            _ => Received().Verified().Substantiated().Answered().Then(new CloseComplaint()),
        };
        Assert.Equal(status, JsonNamingPolicy.CamelCase.ConvertName(builder.State.Status.ToString()));
        Assert.Equal(allowed, builder.State.AllowedActions());

        foreach (var command in SampleCommands.Where(c => !allowed.Contains(c.Action)))
        {
            builder.When(command).ShouldNotBeAllowed(status);
        }
    }

    [Fact]
    public void Every_user_action_has_a_sample_and_only_the_reminder_is_a_system_action()
    {
        Assert.Equal(Enum.GetValues<Action>().Except([Action.ReceiveComplaint, Action.FireComplaintReminder]), SampleCommands.Select(c => c.Action));
        Assert.Equal([Action.FireComplaintReminder], Enum.GetValues<Action>().Where(a => a.IsSystem));
    }

    [Fact]
    public void Verifying_and_rejecting_say_why()
    {
        Received().When(new VerifyComplaint { Summary = "" }).ShouldBeInvalid("summary");
        Received().When(new RejectComplaint { Ground = ComplaintRejectionGround.Duplicate, Reasons = " " }).ShouldBeInvalid("reasons");
        Received().Verified().Substantiated().When(new AnswerComplainant { Summary = "" }).ShouldBeInvalid("summary");
    }

    internal static IEnumerable<ComplaintCommand> SampleCommands =>
    [
        new VerifyComplaint { Summary = "受理" },
        new RejectComplaint { Ground = ComplaintRejectionGround.NotEnforcementConduct, Reasons = "不属于行政执法行为" },
        ComplaintCases.Substantiated,
        new AnswerComplainant { Summary = "答复" },
        new CloseComplaint(),
    ];
}
