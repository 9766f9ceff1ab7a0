using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using static CaseGrains.Domain.Tests.Access.AccessFixture;

namespace CaseGrains.Domain.Tests.Access;

public sealed class CaseScopeTests
{
    [Fact]
    public void Each_role_lists_by_exactly_one_filter()
    {
        Assert.Equal(CaseScope.OfApplicant(ApplicantAccount), CaseAccessPolicy.ScopeOf(TheApplicant));
        Assert.Equal(CaseScope.OfIntakePoint(Clerk.OrganisationId), CaseAccessPolicy.ScopeOf(Clerk));
        Assert.Equal(CaseScope.OfBody(Officer.OrganisationId), CaseAccessPolicy.ScopeOf(Officer));
        Assert.Equal(CaseScope.OfBody(Head.OrganisationId), CaseAccessPolicy.ScopeOf(Head));
        Assert.Equal(CaseScope.OfRespondent(AgencyStaff.OrganisationId), CaseAccessPolicy.ScopeOf(AgencyStaff));
        Assert.Equal(CaseScope.OfRegion("/R210000/R210100/"), CaseAccessPolicy.ScopeOf(CitySupervisor));
        Assert.Same(CaseScope.Everything, CaseAccessPolicy.ScopeOf(Administrator));
    }

    [Fact]
    public void Every_scope_but_everything_and_nothing_sets_exactly_one_filter()
    {
        foreach (var principal in InScope.Where(p => p.Role != Role.Administrator))
        {
            var scope = CaseAccessPolicy.ScopeOf(principal);
            var set = new[] { scope.ApplicantUserId, scope.IntakePointId, scope.BodyId, scope.RespondentAgencyId, scope.RegionPathPrefix }.Count(v => v is not null);
            Assert.Equal(1, set);
            Assert.False(scope.All);
            Assert.False(scope.IsNothing);
        }

        Assert.False(CaseScope.Everything.IsNothing);
        Assert.True(CaseScope.Nothing.IsNothing);
        Assert.False(CaseScope.Nothing.Includes(Case));
    }

    [Fact]
    public void A_body_scope_includes_the_cases_it_received_for_and_those_it_is_competent_for()
    {
        var scope = CaseScope.OfBody("RB-X");

        Assert.True(scope.Includes(Case with { CompetentBodyId = "RB-X" }));
        Assert.True(scope.Includes(Case with { ReceivingBodyId = "RB-X" }));
        Assert.False(scope.Includes(Case));
    }

    [Fact]
    public void A_filter_value_must_not_be_blank()
    {
        Assert.Throws<ArgumentException>(() => CaseScope.OfRegion(" "));
        Assert.Throws<ArgumentException>(() => CaseScope.OfApplicant(""));
    }

    /// <summary>
    /// The list filter and the single-case rule must never disagree, or a list would show a row whose page answers
    /// 404 (or hide one the user may open). Every combination of small pools of ids, so that both matches and
    /// near-misses occur for every role.
    /// </summary>
    [Fact]
    public void A_principal_lists_exactly_the_cases_they_may_open()
    {
        string[] users = ["u-1", "u-2"];
        string[] organisations = ["O-1", "O-2", "O-3"];
        string[] paths = ["/R1/", "/R1/R11/", "/R1/R11/R111/", "/R1/R12/", "/R2/", "/R1", ""];
        var principals = (
            from role in Enum.GetValues<Role>()
            from user in users
            from organisation in organisations
            from path in paths
            select new Principal(user, organisation, role, path)).ToList();

        string?[] applicantAccounts = [null, "u-1", "u-2"];
        var random = new Random(20250303);
        var cases = Enumerable.Range(0, 400).Select(_ => Case with
        {
            ApplicantUserId = applicantAccounts[random.Next(applicantAccounts.Length)],
            IntakePointId = organisations[random.Next(organisations.Length)],
            ReceivingBodyId = organisations[random.Next(organisations.Length)],
            CompetentBodyId = organisations[random.Next(organisations.Length)],
            RespondentAgencyId = organisations[random.Next(organisations.Length)],
            RegionPath = paths[random.Next(paths.Length - 2)] + (random.Next(2) == 0 ? "" : "R9/"),
        }).ToList();

        var checkedPairs = 0;
        var visiblePairs = 0;
        foreach (var principal in principals)
        {
            var scope = CaseAccessPolicy.ScopeOf(principal);
            foreach (var @case in cases)
            {
                var visible = CaseAccessPolicy.VisibilityOf(principal, @case) != CaseVisibility.None;
                if (visible != scope.Includes(@case))
                {
                    Assert.Fail($"{principal} and case {@case.ApplicantUserId}/{@case.IntakePointId}/{@case.ReceivingBodyId}/{@case.CompetentBodyId}/{@case.RespondentAgencyId}/{@case.RegionPath}: visible {visible}, listed {!visible}");
                }

                checkedPairs++;
                visiblePairs += visible ? 1 : 0;
            }
        }

        // Both answers occurred often enough for the comparison to mean something.
        Assert.InRange(visiblePairs, checkedPairs / 10, checkedPairs * 9 / 10);
    }

    [Fact]
    public void Counting_over_a_scope_counts_only_visible_cases()
    {
        ReconsiderationCase[] cases =
        [
            Case,
            Case with { RegionPath = "/R210000/R210200/", CompetentBodyId = "RB-DALIAN", ReceivingBodyId = "RB-DALIAN" },
            Case with { RegionPath = "/R210000/R210100/R210104/" },
        ];

        Assert.Equal(2, cases.Count(CaseAccessPolicy.ScopeOf(CitySupervisor).Includes));
        Assert.Equal(3, cases.Count(CaseAccessPolicy.ScopeOf(ProvinceSupervisor).Includes));
        Assert.Equal(2, cases.Count(CaseAccessPolicy.ScopeOf(Officer).Includes));
    }
}
