using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Access.AccessFixture;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Access;

public sealed class ReceiptPolicyTests
{
    private static readonly Organisation OnlinePoint = new("IP-ONLINE", "辽宁省行政复议网上申请平台", OrganisationKind.IntakePoint, "R210000",
        IntakePointKind.Online, CompetentBody.Id);

    private static ReceiveApplication At(Organisation intakePoint, ApplicationChannel? channel = null) =>
        Application(D(2025, 3, 3)) with { IntakePointId = intakePoint.Id, Channel = channel ?? Application(D(2025, 3, 3)).Channel };

    private static ReceiveApplication Online => At(OnlinePoint, ApplicationChannel.Online);

    [Fact]
    public void An_intake_clerk_receives_at_their_own_point_only()
    {
        Assert.Equal(AccessDecision.Allowed, CaseAccessPolicy.MayReceive(Clerk, At(IntakePoint), IntakePoint));
        Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(OtherClerk, At(IntakePoint), IntakePoint));
        Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(Clerk, Online, OnlinePoint));
    }

    [Fact]
    public void Body_staff_receive_at_any_point_that_receives_for_their_body()
    {
        // The Hunnan traffic point receives for the Hunnan body; the online point for the Shenyang body.
        Assert.Equal(AccessDecision.Allowed, CaseAccessPolicy.MayReceive(ReceivingOfficer, At(IntakePoint), IntakePoint));
        Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(Officer, At(IntakePoint), IntakePoint));
        Assert.Equal(AccessDecision.Allowed, CaseAccessPolicy.MayReceive(Head, Online, OnlinePoint));
        Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(OtherHead, Online, OnlinePoint));
    }

    [Fact]
    public void An_applicant_files_online_only_and_the_case_records_their_account()
    {
        Assert.Equal(AccessDecision.Allowed, CaseAccessPolicy.MayReceive(TheApplicant, Online, OnlinePoint));
        Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(TheApplicant, At(IntakePoint), IntakePoint));
        Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(TheApplicant, At(OnlinePoint, ApplicationChannel.Hall), OnlinePoint));

        var routing = new ReceiptRouting(OnlinePoint, CompetentBody, Agency, CompetentBody, "/R210000/R210100/", CaseAccessPolicy.ApplicantUserIdFor(TheApplicant));
        var state = ReconsiderationCase.Receive("FY-1", Online, routing, CaseFixture.At(D(2025, 3, 3))).ShouldSucceed().State;

        Assert.Equal(ApplicantAccount, state.ApplicantUserId);
        Assert.Equal(CaseVisibility.Full, CaseAccessPolicy.VisibilityOf(TheApplicant, state));
        Assert.Equal(CaseVisibility.None, CaseAccessPolicy.VisibilityOf(AnotherApplicant, state));
    }

    [Fact]
    public void Staff_filing_for_someone_record_no_applicant_account()
    {
        Assert.All(InScope.Where(p => p.Role != Role.Applicant), p => Assert.Null(CaseAccessPolicy.ApplicantUserIdFor(p)));
    }

    [Fact]
    public void Agency_staff_supervisors_and_administrators_do_not_receive()
    {
        foreach (var principal in new[] { AgencyStaff, CitySupervisor, Administrator })
        {
            Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(principal, Online, OnlinePoint));
            Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(principal with { OrganisationId = IntakePoint.Id }, At(IntakePoint), IntakePoint));
        }
    }

    [Fact]
    public void Only_an_intake_point_receives()
    {
        var body = ReceivingBody;

        Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(ReceivingOfficer with { OrganisationId = body.Id }, At(body), body));
        Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayReceive(Clerk with { OrganisationId = body.Id }, At(body), body));
    }

    [Fact]
    public void An_intake_point_other_than_the_one_the_application_names_is_a_bug_in_the_caller()
    {
        Assert.Throws<ArgumentException>(() => CaseAccessPolicy.MayReceive(Clerk, At(IntakePoint), OnlinePoint));
    }
}
