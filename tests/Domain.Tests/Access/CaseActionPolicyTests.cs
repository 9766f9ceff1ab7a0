using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Access.AccessFixture;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Access;

public sealed class CaseActionPolicyTests
{
    private static readonly CaseActionName[] HeadOnly = [CaseActionName.Extend, CaseActionName.SwitchToOrdinary, CaseActionName.Decide];

    private static readonly CaseActionName[] PartyActions = [CaseActionName.SubmitCorrection, CaseActionName.Withdraw, CaseActionName.RecordReply];

    private static IEnumerable<CaseActionName> UserActions => Enum.GetValues<CaseActionName>().Where(a => !a.IsSystem);

    [Fact]
    public void Every_action_a_user_performs_has_a_row_in_the_table()
    {
        Assert.All(UserActions, a => Assert.NotEmpty(CaseAccessPolicy.RolesFor(a)));
    }

    [Fact]
    public void No_role_may_perform_a_system_action_so_no_request_through_the_gateway_can()
    {
        var system = Enum.GetValues<CaseActionName>().Where(a => a.IsSystem).ToList();

        Assert.Equal([CaseActionName.FireReminder, CaseActionName.RecomputeDeadlines], system);
        Assert.All(system, a => Assert.Empty(CaseAccessPolicy.RolesFor(a)));
        Assert.All(InScope, p => Assert.All(system, a => Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayPerform(p, a, Case))));
        Assert.DoesNotContain(Enum.GetNames<Role>(), n => n.Contains("System", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_body_does_its_own_work_and_only_the_head_approves()
    {
        foreach (var action in UserActions.Except([CaseActionName.ReceiveApplication]))
        {
            Assert.Equal(AccessDecision.Allowed, CaseAccessPolicy.MayPerform(Head, action, Case));
            var officer = HeadOnly.Contains(action) ? AccessDecision.Forbidden : AccessDecision.Allowed;
            Assert.Equal(officer, CaseAccessPolicy.MayPerform(Officer, action, Case));
        }
    }

    [Fact]
    public void A_body_that_only_received_the_application_sees_it_but_only_hands_in_corrections()
    {
        foreach (var action in UserActions.Except([CaseActionName.ReceiveApplication]))
        {
            var expected = action == CaseActionName.SubmitCorrection ? AccessDecision.Allowed : AccessDecision.Forbidden;
            Assert.Equal(expected, CaseAccessPolicy.MayPerform(ReceivingOfficer, action, Case));
        }

        Assert.Equal(CaseVisibility.Full, CaseAccessPolicy.VisibilityOf(ReceivingOfficer, Case));
    }

    [Fact]
    public void Parties_and_the_intake_clerk_may_do_only_their_own_steps()
    {
        var expected = new Dictionary<Principal, CaseActionName[]>
        {
            [TheApplicant] = [CaseActionName.SubmitCorrection, CaseActionName.Withdraw],
            [Clerk] = [CaseActionName.SubmitCorrection],
            [AgencyStaff] = [CaseActionName.RecordReply],
            [ProvinceSupervisor] = [],
            [CitySupervisor] = [],
            [Administrator] = [],
        };

        foreach (var (principal, allowed) in expected)
        {
            foreach (var action in Enum.GetValues<CaseActionName>())
            {
                var decision = allowed.Contains(action) ? AccessDecision.Allowed : AccessDecision.Forbidden;
                Assert.True(decision == CaseAccessPolicy.MayPerform(principal, action, Case), $"{principal.Role} {action}: expected {decision}");
            }
        }

        Assert.Subset(PartyActions.ToHashSet(), expected.Values.SelectMany(a => a).ToHashSet());
    }

    [Fact]
    public void Out_of_scope_is_answered_before_the_role_is_asked()
    {
        foreach (var principal in OutOfScope)
        {
            Assert.All(Enum.GetValues<CaseActionName>(), a => Assert.Equal(AccessDecision.OutOfScope, CaseAccessPolicy.MayPerform(principal, a, Case)));
        }
    }

    [Fact]
    public void Receipt_is_never_an_action_on_an_existing_case()
    {
        Assert.All(InScope, p => Assert.Equal(AccessDecision.Forbidden, CaseAccessPolicy.MayPerform(p, CaseActionName.ReceiveApplication, Case)));
    }

    [Fact]
    public void What_to_offer_is_what_the_case_allows_now_and_the_role_may_do()
    {
        var underReview = CaseStates.Named("underReview").State with { ApplicantUserId = ApplicantAccount };

        Assert.Equal(underReview.AllowedActions(), CaseAccessPolicy.ActionsFor(Head, underReview));
        Assert.DoesNotContain(CaseActionName.Decide, CaseAccessPolicy.ActionsFor(Officer, underReview));
        Assert.Contains(CaseActionName.SendCopyToRespondent, CaseAccessPolicy.ActionsFor(Officer, underReview));
        Assert.Equal([CaseActionName.Withdraw], CaseAccessPolicy.ActionsFor(TheApplicant, underReview));
        Assert.Empty(CaseAccessPolicy.ActionsFor(AgencyStaff, underReview));
        Assert.Equal([CaseActionName.RecordReply], CaseAccessPolicy.ActionsFor(AgencyStaff, CaseStates.Named("copySent").State));
        Assert.Empty(CaseAccessPolicy.ActionsFor(CitySupervisor, underReview));
        Assert.Empty(CaseAccessPolicy.ActionsFor(OtherHead, underReview));
    }

    [Fact]
    public void Only_administrators_administer()
    {
        Assert.True(CaseAccessPolicy.MayAdminister(Administrator));
        Assert.All(InScope.Where(p => p.Role != Role.Administrator), p => Assert.False(CaseAccessPolicy.MayAdminister(p)));
    }
}
