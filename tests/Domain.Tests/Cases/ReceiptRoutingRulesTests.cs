using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Tests.Cases.Support;

namespace CaseGrains.Domain.Tests.Cases;

/// <summary>An application received anywhere goes to the competent body of the respondent agency's region (Art. 24).</summary>
public sealed class ReceiptRoutingRulesTests
{
    private static readonly RegionTree Regions = new(LiaoningDemo.Regions);
    private static readonly CompetentBodyResolver CompetentBodies = new(LiaoningDemo.Organisations);

    private static Organisation Org(string id) => LiaoningDemo.Organisations.Single(o => o.Id == id);

    private static (ReceiptRouting? Routing, CaseRefusal? Refusal) Route(string intakePointId, string agencyId)
    {
        var application = CaseFixture.Application(new DateOnly(2025, 3, 3)) with { IntakePointId = intakePointId, RespondentAgencyId = agencyId };
        var intake = LiaoningDemo.Organisations.SingleOrDefault(o => o.Id == intakePointId);
        var agency = LiaoningDemo.Organisations.SingleOrDefault(o => o.Id == agencyId);
        var receiving = intake?.BodyId is { } body ? Org(body) : null;
        return ReceiptRoutingRules.Route(application, intake, agency, receiving, Regions, CompetentBodies);
    }

    [Fact]
    public void A_township_service_point_routes_a_city_agencys_case_to_that_citys_body()
    {
        var (routing, refusal) = Route("I-R211321101-SP", "A-R210800-SAMR");

        Assert.Null(refusal);
        Assert.Equal(("B-R211321", "B-R210800", "/R210000/R210800/"), (routing!.ReceivingBody.Id, routing.CompetentBody.Id, routing.RegionPath));
    }

    [Fact]
    public void An_agency_in_a_township_goes_to_the_county_body()
    {
        Assert.Equal("B-R210104", Route("I-R210104-HALL", "A-R210104001-GOV").Routing!.CompetentBody.Id);
    }

    [Theory]
    [InlineData("I-NOWHERE", "A-R210104-TRAFFIC", "intakePointId")]
    [InlineData("B-R210104", "A-R210104-TRAFFIC", "intakePointId")]
    [InlineData("I-R210104-HALL", "A-NOWHERE", "respondentAgencyId")]
    [InlineData("I-R210104-HALL", "B-R210104", "respondentAgencyId")]
    public void An_unknown_or_wrong_kind_of_organisation_is_invalid_naming_the_field(string intakePointId, string agencyId, string field)
    {
        var refusal = Route(intakePointId, agencyId).Refusal;

        Assert.Equal((CaseRefusalKind.Invalid, field), (refusal!.Kind, refusal.Field));
    }
}
