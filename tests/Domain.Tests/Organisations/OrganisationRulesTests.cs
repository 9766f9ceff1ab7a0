using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Organisations.Demo;

namespace CaseGrains.Domain.Tests.Organisations;

public sealed class OrganisationRulesTests
{
    private static readonly RegionTree Tree = new(LiaoningDemo.Regions);

    [Fact]
    public void A_region_with_subregions_keeps_its_level_wherever_it_moves()
    {
        // Dadong district has a street (万泉街道) under it: it cannot become a province, nor a city under the province.
        var dadong = LiaoningDemo.Regions.Single(r => r.Id == "R210104");

        var asProvince = OrganisationRules.Validate(dadong with { Level = RegionLevel.Province, ParentId = null }, Tree);
        var asCity = OrganisationRules.Validate(dadong with { Level = RegionLevel.City, ParentId = "R210000" }, Tree);

        Assert.Equal("its subregion 'R210104001' is a township, so it must stay a county", asProvince["level"]);
        Assert.Equal("its subregion 'R210104001' is a township, so it must stay a county", asCity["level"]);
        Assert.Empty(OrganisationRules.Validate(dadong with { Name = "大东区（新）", ParentId = "R210800" }, Tree));
    }

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
