using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Tests.Organisations;

/// <summary>The competent body for an act is the government of the respondent agency's region (Art. 24); a
/// township has no body of its own, so an agency there falls to its county or district.</summary>
public class CompetentBodyResolverTests
{
    private static readonly RegionTree Tree = new(
    [
        new Region("R210000", "辽宁省", RegionLevel.Province, null),
        new Region("R210100", "沈阳市", RegionLevel.City, "R210000"),
        new Region("R210104", "大东区", RegionLevel.County, "R210100"),
        new Region("R210104001", "万泉街道", RegionLevel.Township, "R210104"),
    ]);

    private static readonly Organisation[] Bodies =
    [
        new("B-R210000", "辽宁省人民政府行政复议办公室", OrganisationKind.ReconsiderationBody, "R210000"),
        new("B-R210100", "沈阳市人民政府行政复议办公室", OrganisationKind.ReconsiderationBody, "R210100"),
        new("B-R210104", "沈阳市大东区人民政府行政复议办公室", OrganisationKind.ReconsiderationBody, "R210104"),
        new("S-R210104", "沈阳市大东区司法局", OrganisationKind.SupervisionOffice, "R210104"),
    ];

    [Theory]
    [InlineData("R210104001", "B-R210104")] // township: no body of its own, so the district's
    [InlineData("R210104", "B-R210104")]    // district: its own government
    [InlineData("R210100", "B-R210100")]    // city department: the city government
    [InlineData("R210000", "B-R210000")]    // province department: the province government
    public void An_agency_falls_to_the_body_of_its_region_or_the_nearest_region_above(string agencyRegion, string expectedBody)
    {
        var agency = new Organisation("A-1", "某执法机关", OrganisationKind.EnforcementAgency, agencyRegion);

        Assert.Equal(expectedBody, new CompetentBodyResolver(Bodies).Resolve(agency, Tree)?.Id);
    }

    [Fact]
    public void Only_reconsideration_bodies_are_considered()
    {
        // The supervision office sits in Dadong too, but it does not decide cases.
        var agency = new Organisation("A-1", "某执法机关", OrganisationKind.EnforcementAgency, "R210104001");
        var withoutDadongBody = Bodies.Where(b => b.Id != "B-R210104");

        Assert.Equal("B-R210100", new CompetentBodyResolver(withoutDadongBody).Resolve(agency, Tree)?.Id);
    }

    [Fact]
    public void An_agency_in_an_unknown_region_has_no_competent_body()
    {
        var agency = new Organisation("A-1", "某执法机关", OrganisationKind.EnforcementAgency, "R999999");

        Assert.Null(new CompetentBodyResolver(Bodies).Resolve(agency, Tree));
    }

    [Fact]
    public void Two_bodies_in_one_region_resolve_to_the_lowest_id_whatever_the_order()
    {
        var agency = new Organisation("A-1", "某执法机关", OrganisationKind.EnforcementAgency, "R210104");
        var second = new Organisation("B-R210104-2", "另一机构", OrganisationKind.ReconsiderationBody, "R210104");

        Assert.Equal("B-R210104", new CompetentBodyResolver([second, .. Bodies]).Resolve(agency, Tree)?.Id);
        Assert.Equal("B-R210104", new CompetentBodyResolver([.. Bodies, second]).Resolve(agency, Tree)?.Id);
    }
}
