using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Organisations.Demo;

namespace CaseGrains.Domain.Tests.Organisations;

public sealed class OrganisationRulesTests
{
    private static readonly RegionTree Tree = new(LiaoningDemo.Regions);

    [Fact]
    public void A_body_that_intake_points_receive_for_cannot_become_another_kind()
    {
        var dadong = LiaoningDemo.Organisations.Single(o => o.Id == LiaoningDemo.DadongBody);

        var errors = OrganisationRules.Validate(dadong with { Kind = OrganisationKind.EnforcementAgency }, Tree, LiaoningDemo.Organisations);

        Assert.Contains("I-R210104-TRAFFIC", errors["kind"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_without_intake_points_may_change_kind()
    {
        var heping = LiaoningDemo.Organisations.Single(o => o.Id == "B-R210102");

        Assert.Empty(OrganisationRules.Validate(heping with { Kind = OrganisationKind.SupervisionOffice }, Tree, LiaoningDemo.Organisations));
    }
}
