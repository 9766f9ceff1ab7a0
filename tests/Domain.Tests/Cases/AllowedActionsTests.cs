using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Tests.Cases.Support;
using Step = CaseGrains.Domain.Cases.CaseActionName;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class AllowedActionsTests
{
    public static TheoryData<string, Step[]> Expectations => new()
    {
        {
            "received",
            [
                Step.ResolveBeforeFiling, Step.RequestCorrection, Step.Accept, Step.DeemAccepted, Step.NotAccept, Step.Withdraw,
            ]
        },
        { "awaitingCorrection", [Step.ResolveBeforeFiling, Step.SubmitCorrection, Step.DeclareAbandoned, Step.Withdraw] },
        {
            "underReview",
            [
                Step.SendCopyToRespondent, Step.ScheduleHearing, Step.RequestCommitteeConsultation, Step.StartMediation,
                Step.Settle, Step.Suspend, Step.Extend, Step.Withdraw, Step.Terminate, Step.Decide,
            ]
        },
        {
            "underReviewSimplified",
            [
                Step.SwitchToOrdinary, Step.SendCopyToRespondent, Step.ScheduleHearing, Step.RequestCommitteeConsultation,
                Step.StartMediation, Step.Settle, Step.Suspend, Step.Extend, Step.Withdraw, Step.Terminate, Step.Decide,
            ]
        },
        {
            "copySent",
            [
                Step.RecordReply, Step.RecordNoReply, Step.ScheduleHearing, Step.RequestCommitteeConsultation,
                Step.StartMediation, Step.Settle, Step.Suspend, Step.Extend, Step.Withdraw, Step.Terminate, Step.Decide,
            ]
        },
        {
            "heard",
            [
                Step.ScheduleHearing, Step.RequestCommitteeConsultation, Step.StartMediation, Step.Settle, Step.Suspend,
                Step.Extend, Step.Withdraw, Step.Terminate, Step.Decide,
            ]
        },
        {
            "hearingScheduled",
            [
                Step.ScheduleHearing, Step.SendHearingNotice, Step.RequestCommitteeConsultation, Step.StartMediation,
                Step.Settle, Step.Suspend, Step.Extend, Step.Withdraw, Step.Terminate, Step.Decide,
            ]
        },
        {
            "hearingNoticeSent",
            [
                Step.ScheduleHearing, Step.HoldHearing, Step.RequestCommitteeConsultation, Step.StartMediation, Step.Settle,
                Step.Suspend, Step.Extend, Step.Withdraw, Step.Terminate, Step.Decide,
            ]
        },
        {
            "hearingHeld",
            [
                Step.RequestCommitteeConsultation, Step.StartMediation, Step.Settle, Step.Suspend, Step.Extend, Step.Withdraw,
                Step.Terminate, Step.Decide,
            ]
        },
        {
            "committeeRequested",
            [
                Step.SendCopyToRespondent, Step.ScheduleHearing, Step.RecordCommitteeOpinion, Step.StartMediation, Step.Settle,
                Step.Suspend, Step.Extend, Step.Withdraw, Step.Terminate, Step.Decide,
            ]
        },
        {
            "committeeOpinionRecorded",
            [
                Step.SendCopyToRespondent, Step.ScheduleHearing, Step.StartMediation, Step.Settle, Step.Suspend, Step.Extend,
                Step.Withdraw, Step.Terminate, Step.Decide,
            ]
        },
        {
            "inMediation",
            [
                Step.SendCopyToRespondent, Step.ScheduleHearing, Step.RequestCommitteeConsultation,
                Step.RecordMediationAgreement, Step.RecordMediationFailure, Step.Settle, Step.Suspend, Step.Extend,
                Step.Withdraw, Step.Terminate,
            ]
        },
        { "suspended", [Step.Resume, Step.Withdraw, Step.Terminate] },
        { "decided", [Step.Close, Step.RecordPostDecisionQa] },
        { "mediated", [Step.Close] },
        { "terminated", [Step.Close] },
        { "notAccepted", [] },
        { "abandoned", [] },
        { "resolvedBeforeFiling", [] },
        { "closedAfterDecision", [Step.RecordPostDecisionQa] },
        { "closedAfterWithdrawal", [] },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Each_state_allows_exactly_its_next_steps(string state, Step[] expected)
    {
        Assert.Equal(expected, CaseStates.Named(state).State.AllowedActions());
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Every_other_action_is_refused_as_not_allowed_with_the_allowed_list(string state, Step[] expected)
    {
        var builder = CaseStates.Named(state);

        foreach (var command in SampleCommands.All.Where(c => !expected.Contains(c.Action)))
        {
            var refusal = builder.When(command).ShouldNotBeAllowed(builder.State.Status);
            Assert.Equal(expected, refusal.AllowedActions);
        }
    }

    [Fact]
    public void There_is_a_sample_for_every_action_but_receipt()
    {
        Assert.Equal(Enum.GetValues<CaseActionName>().Except([Step.ReceiveApplication]), SampleCommands.All.Concat(SampleCommands.System).Select(c => c.Action));
        Assert.All(SampleCommands.All, c => Assert.False(c.Action.IsSystem));
        Assert.All(SampleCommands.System, c => Assert.True(c.Action.IsSystem));
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void System_actions_are_never_offered_and_never_refused_as_not_allowed(string state, Step[] expected)
    {
        var builder = CaseStates.Named(state);

        Assert.Equal(expected, builder.State.AllowedActions());
        Assert.DoesNotContain(expected, a => a.IsSystem);
        foreach (var command in SampleCommands.System)
        {
            var transition = builder.When(command);
            Assert.False(transition.Refusal?.Kind == CaseRefusalKind.NotAllowed, $"{command.Action} was refused as not allowed in {state}.");
        }
    }

    [Fact]
    public void The_refusal_says_in_English_what_is_allowed_instead()
    {
        var refusal = CaseStates.Named("suspended").When(Decisions.Of(DecisionType.Uphold)).ShouldNotBeAllowed(CaseStatus.Suspended);

        Assert.Equal("'decide' is not allowed while the case is suspended; allowed now: resume, withdraw, terminate.", refusal.Detail);
    }
}
