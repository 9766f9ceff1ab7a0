using System.Text.Json;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Deadlines.Reminders.ReminderStep;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using Kind = CaseGrains.Domain.Deadlines.DeadlineKind;

namespace CaseGrains.Domain.Tests.Cases;

/// <summary>The consequence the law attaches to an overdue period happens when the overdue step fires, through the
/// workflow's own action: the case ends up exactly as if the body had taken that action on that day.</summary>
public sealed class OverdueConsequenceTests
{
    /// <summary>The case as JSON, without the record of fired reminders, which the manual action does not have.</summary>
    private static string Json(ReconsiderationCase state) => JsonSerializer.Serialize(state with { FiredReminders = [] }, DomainJson.Storage);

    private static ReminderFired OverdueFired(CaseBuilder builder, Kind kind)
    {
        builder.Fired(kind, Overdue);
        return Assert.IsType<ReminderFired>(builder.Events[^1]);
    }

    [Fact]
    public void Silence_past_the_review_period_accepts_the_application_by_operation_of_law()
    {
        var fired = Given.CaseReceivedOn(D(2025, 1, 24));
        var manual = Given.CaseReceivedOn(D(2025, 1, 24));

        var @event = OverdueFired(fired, Kind.Review);
        manual.On(D(2025, 2, 8)).Then(new DeemAccepted());

        Assert.Equal(D(2025, 2, 8), fired.Today);
        Assert.Equal((CaseStatus.UnderReview, true, D(2025, 2, 7)), (fired.State.Status, fired.State.AcceptedByOperationOfLaw, fired.State.AcceptedOn));
        Assert.Equal(Json(manual.State), Json(fired.State));
        Assert.Equal(ReminderConsequence.AcceptedByOperationOfLaw, @event.Consequence);
        Assert.Equal(manual.Events[^1], @event.ConsequenceEvent);
        Assert.Equal([NotificationAudience.Applicant, NotificationAudience.CaseOfficers], @event.Audiences);
        Assert.Equal(DeadlineStatus.Missed, fired.State.CurrentDeadline(Kind.Review)!.StatusOn(fired.Today));
    }

    [Fact]
    public void A_missed_correction_period_abandons_the_application()
    {
        var fired = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 1, 27)).CorrectionRequested();
        var manual = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 1, 27)).CorrectionRequested();

        var @event = OverdueFired(fired, Kind.Correction);
        manual.On(D(2025, 2, 18)).Then(new DeclareAbandoned());

        Assert.Equal((CaseStatus.Abandoned, CaseEnding.Abandoned, D(2025, 2, 18)), (fired.State.Status, fired.State.Ending, fired.State.EndedOn));
        Assert.Equal(Json(manual.State), Json(fired.State));
        Assert.Equal(ReminderConsequence.ApplicationAbandoned, @event.Consequence);
        Assert.Equal(new ApplicationAbandoned { AbandonedOn = D(2025, 2, 18), CorrectionDueOn = D(2025, 2, 17) }, @event.ConsequenceEvent);
        Assert.Equal([NotificationAudience.Applicant, NotificationAudience.CaseOfficers], @event.Audiences);
        Assert.Empty(fired.Ladder());
    }

    [Fact]
    public void An_overdue_reply_records_that_the_act_is_treated_as_having_no_evidence()
    {
        var fired = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7)).Accepted().On(D(2025, 2, 10)).CopySent();
        var manual = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7)).Accepted().On(D(2025, 2, 10)).CopySent();

        var @event = OverdueFired(fired, Kind.Reply);
        manual.On(D(2025, 2, 25)).Then(new RecordNoReply());

        Assert.True(fired.State.NoReplyRecorded);
        Assert.Equal(Json(manual.State), Json(fired.State));
        Assert.Equal(ReminderConsequence.NoReplyRecorded, @event.Consequence);
        Assert.Equal(new NoReplyRecorded { RecordedOn = D(2025, 2, 25), ReplyDueOn = D(2025, 2, 24) }, @event.ConsequenceEvent);
        Assert.Equal([NotificationAudience.CaseOfficers, NotificationAudience.RespondentAgency], @event.Audiences);

        // The workflow rule of Art. 70 now holds: the act cannot be upheld.
        fired.When(Decisions.Of(DecisionType.Uphold)).ShouldViolate("act_without_evidence", "第七十条");
    }

    [Fact]
    public void An_overdue_reply_during_mediation_is_recorded_as_well()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().CopySent().MediationStarted();

        var @event = OverdueFired(builder, Kind.Reply);

        Assert.Equal((CaseStatus.InMediation, true), (builder.State.Status, builder.State.NoReplyRecorded));
        Assert.Equal(ReminderConsequence.NoReplyRecorded, @event.Consequence);
    }

    [Fact]
    public void An_overdue_decision_flags_the_case_and_tells_the_head_and_the_supervision_office()
    {
        var builder = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7)).Accepted().On(D(2025, 2, 10)).RespondentHeard();

        var @event = OverdueFired(builder, Kind.Decision);

        Assert.Equal(D(2025, 4, 9), builder.Today);
        Assert.True(builder.State.DecisionOverdue);
        Assert.Equal(CaseStatus.UnderReview, builder.State.Status);
        Assert.Equal((ReminderConsequence.DecisionOverdue, null), (@event.Consequence, @event.ConsequenceEvent));
        Assert.Equal([NotificationAudience.HeadOfBody, NotificationAudience.SupervisionOffice], @event.Audiences);

        // The case is still decided through the workflow; it stays counted as overdue and its decision period as missed.
        builder.On(D(2025, 4, 15)).Decided();
        Assert.True(builder.State.DecisionOverdue);
        Assert.Equal(DeadlineStatus.Missed, builder.State.CurrentDeadline(Kind.Decision)!.StatusOn(D(2025, 4, 15)));
    }

    [Fact]
    public void A_case_decided_in_time_is_never_flagged_overdue()
    {
        Assert.False(CaseStates.Named("decided").State.DecisionOverdue);
    }

    [Theory]
    [InlineData(Kind.CopyToRespondent)]
    [InlineData(Kind.HearingNotice)]
    public void An_overdue_period_without_a_legal_consequence_only_notifies_the_case_officers(Kind kind)
    {
        var builder = CaseStates.Named("hearingScheduled");
        if (kind == Kind.CopyToRespondent)
        {
            builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();
        }

        var before = builder.State;
        var @event = OverdueFired(builder, kind);

        Assert.Equal((null, null), (@event.Consequence, @event.ConsequenceEvent));
        Assert.Equal([NotificationAudience.CaseOfficers], @event.Audiences);
        Assert.Equal(Json(before), Json(builder.State));
        Assert.Equal(DeadlinePhase.Running, builder.State.CurrentDeadline(kind)!.Phase);
    }

    [Theory]
    [InlineData(Kind.Review)]
    [InlineData(Kind.Correction)]
    [InlineData(Kind.Reply)]
    [InlineData(Kind.Decision)]
    public void Warnings_and_due_today_never_change_the_case(Kind kind)
    {
        var builder = kind switch
        {
            Kind.Review => Given.CaseReceivedOn(D(2025, 3, 3)),
            Kind.Correction => Given.CaseReceivedOn(D(2025, 3, 3)).CorrectionRequested(),
            _ => Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().CopySent(),
        };
        var before = Json(builder.State);

        builder.Fired(kind, AdvanceWarning).Fired(kind, DueToday);

        Assert.Equal(before, Json(builder.State));
        Assert.All(builder.Events.OfType<ReminderFired>(), e => Assert.Equal((null, null), (e.Consequence, e.ConsequenceEvent)));
    }
}
