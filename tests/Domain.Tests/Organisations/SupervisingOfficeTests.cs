using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Tests.Organisations;

public sealed class SupervisingOfficeTests
{
    private static readonly Organisation[] Offices =
    [
        new("S-R210000", "辽宁省司法厅", OrganisationKind.SupervisionOffice, "R210000"),
        new("S-R210100", "沈阳市司法局", OrganisationKind.SupervisionOffice, "R210100"),
        new("B-R210104", "大东区行政复议机构", OrganisationKind.ReconsiderationBody, "R210104"),
    ];

    [Fact]
    public void A_region_without_an_office_is_supervised_by_the_nearest_one_above_it() =>
        Assert.Equal("S-R210100", SupervisingOffice.For("/R210000/R210100/R210104/", Offices));

    [Fact]
    public void A_region_with_an_office_is_supervised_by_its_own() =>
        Assert.Equal("S-R210000", SupervisingOffice.For("/R210000/", Offices));

    [Fact]
    public void A_path_with_no_office_on_it_has_none() =>
        Assert.Null(SupervisingOffice.For("/R220000/R220100/", Offices));

    [Fact]
    public void Of_two_offices_in_one_region_the_smaller_id_is_chosen() =>
        Assert.Equal("S-R210100", SupervisingOffice.For("/R210000/R210100/", [.. Offices, new("S-R210100-2", "沈阳市司法局执法监督处", OrganisationKind.SupervisionOffice, "R210100")]));
}
