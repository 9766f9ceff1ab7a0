using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A region moved by an administrator takes its cases along, and so does an agency moved to another region: the list at
/// once, and within a minute (the silo's copy of the directory) who may see the case and the case itself, which keeps the
/// new place when it is next acted on instead of writing its old one back.
/// </summary>
public sealed class RegionMoveTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{

    private readonly CaseClient admin = gateway.As(Actors.Administrator);

    [Fact]
    public async Task A_district_moved_to_another_city_takes_its_cases_to_that_citys_supervisors_and_keeps_them_there()
    {
        var (agency, hall) = await PutDistrictAsync("R210113", "沈北新区", parentId: "R210100");
        var received = await admin.As(Actors.Clerk(hall)).ReceivedAsync(Applications.Against(agency, hall, "hall", "迁区申请人"));
        Assert.Equal("/R210000/R210100/R210113/", received.Case.GetProperty("regionPath").GetString());

        Assert.Equal(200, (await admin.PutAsync("/api/v1/regions/R210113", new { name = "沈北新区", level = "county", parentId = "R210800" })).StatusCode);
        Assert.Equal("/R210000/R210800/R210113/", await ListedPathAsync(received.Id, "迁区申请人"));

        gateway.Clock.TravelDays(1);
        var yingkou = gateway.As(Actors.Supervisor(Actors.YingkouSupervision));
        var seen = await yingkou.GetAsync(received.Id);
        Assert.Equal(200, seen.StatusCode);
        Assert.Equal("/R210000/R210800/R210113/", seen.Case.GetProperty("regionPath").GetString());
        (await gateway.As(Actors.Supervisor(Actors.ShenyangSupervision)).GetAsync(received.Id)).AssertProblem(404, "case_not_found");
        Assert.Equal("/R210000/R210800/R210113/", (await yingkou.GetPathAsync($"/api/v1/agencies/{agency}")).Body.GetProperty("regionPath").GetString());

        var accepted = await gateway.As(Actors.Officer("B-R210113")).DoAsync(received.Id, new { action = "accept", procedure = "ordinary" });
        Assert.Equal("/R210000/R210800/R210113/", accepted.Case.GetProperty("regionPath").GetString());
        Assert.Equal("/R210000/R210800/R210113/", await ListedPathAsync(received.Id, "迁区申请人"));
    }

    [Fact]
    public async Task An_agency_moved_to_another_city_takes_its_cases_to_that_citys_supervisors_and_keeps_them_there()
    {
        var (agency, hall) = await PutDistrictAsync("R210114", "于洪区", parentId: "R210100");
        var received = await admin.As(Actors.Clerk(hall)).ReceivedAsync(Applications.Against(agency, hall, "hall", "迁局申请人"));
        Assert.Equal("/R210000/R210100/R210114/", received.Case.GetProperty("regionPath").GetString());
        var shenyang = gateway.As(Actors.Supervisor(Actors.ShenyangSupervision));
        Assert.Equal("/R210000/R210100/R210114/", (await shenyang.GetPathAsync($"/api/v1/agencies/{agency}")).Body.GetProperty("regionPath").GetString());

        Assert.Equal(200, (await admin.PutAsync($"/api/v1/organisations/{agency}", new { name = "营口市某税务局", kind = "enforcementAgency", regionId = "R210800" })).StatusCode);
        Assert.Equal("/R210000/R210800/", await ListedPathAsync(received.Id, "迁局申请人"));

        gateway.Clock.TravelDays(1);
        var seen = await gateway.As(Actors.Supervisor(Actors.YingkouSupervision)).GetAsync(received.Id);
        Assert.Equal(200, seen.StatusCode);
        Assert.Equal("/R210000/R210800/", seen.Case.GetProperty("regionPath").GetString());
        (await shenyang.GetAsync(received.Id)).AssertProblem(404, "case_not_found");
        var record = await gateway.As(Actors.Supervisor(Actors.YingkouSupervision)).GetPathAsync($"/api/v1/agencies/{agency}");
        Assert.Equal("/R210000/R210800/", record.Body.GetProperty("regionPath").GetString());
        (await shenyang.GetPathAsync($"/api/v1/agencies/{agency}")).AssertProblem(404, "agency_not_found");

        var accepted = await gateway.As(Actors.Officer("B-R210114")).DoAsync(received.Id, new { action = "accept", procedure = "ordinary" });
        Assert.Equal("/R210000/R210800/", accepted.Case.GetProperty("regionPath").GetString());
        Assert.Equal("/R210000/R210800/", await ListedPathAsync(received.Id, "迁局申请人"));
    }

    /// <summary>A county under <paramref name="parentId"/> with a reconsideration body, a tax bureau and an intake hall;
    /// returns the bureau's and the hall's ids.</summary>
    private async Task<(string Agency, string Hall)> PutDistrictAsync(string district, string name, string parentId)
    {
        var (body, agency, hall) = ($"B-{district}", $"A-{district}-TAX", $"I-{district}-HALL");
        Assert.Equal(200, (await admin.PutAsync($"/api/v1/regions/{district}", new { name, level = "county", parentId })).StatusCode);
        Assert.Equal(200, (await admin.PutAsync($"/api/v1/organisations/{body}", new { name = $"沈阳市{name}人民政府行政复议办公室", kind = "reconsiderationBody", regionId = district })).StatusCode);
        Assert.Equal(200, (await admin.PutAsync($"/api/v1/organisations/{agency}", new { name = $"国家税务总局沈阳市{name}税务局", kind = "enforcementAgency", regionId = district })).StatusCode);
        Assert.Equal(200, (await admin.PutAsync($"/api/v1/organisations/{hall}", new
        {
            name = $"{name}行政复议综合受理大厅",
            kind = "intakePoint",
            regionId = district,
            intakeKind = "integratedHall",
            bodyId = body,
        })).StatusCode);
        return (agency, hall);
    }

    private async Task<string?> ListedPathAsync(string caseId, string applicantName)
    {
        var items = (await admin.ListAsync("q=" + Uri.EscapeDataString(applicantName))).Body.GetProperty("items").EnumerateArray();
        return items.Single(i => i.GetProperty("caseId").GetString() == caseId).GetProperty("regionPath").GetString();
    }
}
