using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class ReceiveApplicationTests
{
    [Fact]
    public void Receiving_opens_a_case_whose_review_period_runs_across_Spring_Festival_2025()
    {
        var transition = ReconsiderationCase.Receive("FY-1", Application(D(2025, 1, 24)), Routing, At(D(2025, 1, 24)));

        var (state, @event) = transition.ShouldSucceed();
        Assert.Equal(CaseStatus.Received, state.Status);

        // 1-26 (a Sunday worked in lieu) and 1-27 count; 1-28 to 2-4 are the holiday; 2-5, 2-6, 2-7 complete the five days.
        var review = Assert.Single(state.Deadlines);
        Assert.Equal((DeadlineKind.Review, D(2025, 2, 7)), (review.Kind, review.DueOn));
        var received = Assert.IsType<ApplicationReceived>(@event);
        Assert.Equal(D(2025, 2, 7), received.ReviewDueOn);
        Assert.Equal(CaseActionName.ReceiveApplication, received.Action);
    }

    [Fact]
    public void Receiving_records_the_routing_resolved_by_the_caller()
    {
        var state = ReconsiderationCase.Receive("FY-1", Application(D(2025, 3, 3)), Routing, At(D(2025, 3, 3))).ShouldSucceed().State;

        Assert.Equal(
            ("FY-1", IntakePoint.Id, ReceivingBody.Id, CompetentBody.Id, Agency.Id, Agency.Name, "/R210000/R210100/"),
            (state.Id, state.IntakePointId, state.ReceivingBodyId, state.CompetentBodyId, state.RespondentAgencyId, state.RespondentAgencyName, state.RegionPath));
        Assert.Null(state.Procedure);
        Assert.Null(state.Ending);
    }

    [Fact]
    public void Without_a_receipt_date_the_application_is_received_today_in_Beijing()
    {
        // 17:30 UTC on 2 March is already 01:30 on 3 March in Beijing.
        var context = new CaseContext(new DateTimeOffset(2025, 3, 2, 17, 30, 0, TimeSpan.Zero), ShippedCalendar);

        var state = ReconsiderationCase.Receive("FY-1", Application(D(2025, 3, 3)) with { ReceivedOn = null }, Routing, context).ShouldSucceed().State;

        Assert.Equal(D(2025, 3, 3), state.ReceivedOn);
    }

    [Fact]
    public void An_application_registered_later_keeps_the_day_it_arrived()
    {
        var state = ReconsiderationCase.Receive("FY-1", Application(D(2025, 3, 3)), Routing, At(D(2025, 3, 5))).ShouldSucceed().State;

        Assert.Equal(D(2025, 3, 3), state.ReceivedOn);
        Assert.Equal(D(2025, 3, 10), state.CurrentDeadline(DeadlineKind.Review)!.DueOn);
    }

    public static TheoryData<string, Func<ReceiveApplication, ReceiveApplication>, string> InvalidApplications => new()
    {
        { "applicant.name", a => a with { Applicant = a.Applicant with { Name = " " } }, "value_required" },
        { "challengedAct.description", a => a with { ChallengedAct = a.ChallengedAct with { Description = "" } }, "value_required" },
        { "claims", a => a with { Claims = "" }, "value_required" },
        { "challengedAct.actOn", a => a with { ChallengedAct = a.ChallengedAct with { ActOn = D(2025, 3, 4) } }, "date_in_the_future" },
        { "challengedAct.knownOn", a => a with { ChallengedAct = a.ChallengedAct with { KnownOn = D(2025, 3, 4) } }, "date_in_the_future" },
        { "receivedOn", a => a with { ReceivedOn = D(2025, 3, 4) }, "date_in_the_future" },
        { "challengedAct.knownOn", a => a with { ChallengedAct = a.ChallengedAct with { KnownOn = a.ChallengedAct.ActOn.AddDays(-1) } }, "known_before_act" },
        { "receivedOn", a => a with { ReceivedOn = a.ChallengedAct.KnownOn.AddDays(-1) }, "received_before_known" },
        { "challengedAct.amountYuan", a => a with { ChallengedAct = a.ChallengedAct with { AmountYuan = -1m } }, "negative_amount" },
    };

    [Theory]
    [MemberData(nameof(InvalidApplications))]
    public void An_invalid_application_is_refused_naming_the_field(string field, Func<ReceiveApplication, ReceiveApplication> spoil, string code)
    {
        var transition = ReconsiderationCase.Receive("FY-1", spoil(Application(D(2025, 3, 3))), Routing, At(D(2025, 3, 3)));

        transition.ShouldBeInvalid(field, code);
    }

    [Fact]
    public void A_routing_resolved_for_another_agency_is_a_bug_in_the_caller()
    {
        var elsewhere = Routing with { RespondentAgency = Agency with { Id = "AG-OTHER" } };

        Assert.Throws<ArgumentException>(() => ReconsiderationCase.Receive("FY-1", Application(D(2025, 3, 3)), elsewhere, At(D(2025, 3, 3))));
    }
}
