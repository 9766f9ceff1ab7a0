using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A region moved by an administrator takes its cases along: the list at once, and within a minute (the silo's copy of
/// the directory) who may see the case and the case itself, which keeps the new place when it is next acted on instead of
/// writing its old one back.
/// </summary>
public sealed class RegionMoveTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private const string District = "R210113";
    private const string Agency = "A-R210113-TAX";
    private const string Hall = "I-R210113-HALL";

    private readonly CaseClient admin = gateway.As(Actors.Administrator);

    [Fact]
    public async Task A_district_moved_to_another_city_takes_its_cases_to_that_citys_supervisors_and_keeps_them_there()
    {
        await PutDistrictAsync(parentId: "R210100");
        var received = await admin.As(Actors.Clerk(Hall)).ReceivedAsync(Applications.Against(Agency, Hall, "hall", "迁区申请人"));
        Assert.Equal("/R210000/R210100/R210113/", received.Case.GetProperty("regionPath").GetString());

        Assert.Equal(200, (await admin.PutAsync($"/api/v1/regions/{District}", new { name = "沈北新区", level = "county", parentId = "R210800" })).StatusCode);
        Assert.Equal("/R210000/R210800/R210113/", await ListedPathAsync(received.Id));

        gateway.Clock.TravelDays(1);
        var yingkou = gateway.As(Actors.Supervisor(Actors.YingkouSupervision));
        var seen = await yingkou.GetAsync(received.Id);
        Assert.Equal(200, seen.StatusCode);
        Assert.Equal("/R210000/R210800/R210113/", seen.Case.GetProperty("regionPath").GetString());
        (await gateway.As(Actors.Supervisor(Actors.ShenyangSupervision)).GetAsync(received.Id)).AssertProblem(404, "case_not_found");

        var accepted = await gateway.As(Actors.Officer("B-R210113")).DoAsync(received.Id, new { action = "accept", procedure = "ordinary" });
        Assert.Equal("/R210000/R210800/R210113/", accepted.Case.GetProperty("regionPath").GetString());
        Assert.Equal("/R210000/R210800/R210113/", await ListedPathAsync(received.Id));
    }

    private async Task PutDistrictAsync(string parentId)
    {
        Assert.Equal(200, (await admin.PutAsync($"/api/v1/regions/{District}", new { name = "沈北新区", level = "county", parentId })).StatusCode);
        Assert.Equal(200, (await admin.PutAsync("/api/v1/organisations/B-R210113", new { name = "沈阳市沈北新区人民政府行政复议办公室", kind = "reconsiderationBody", regionId = District })).StatusCode);
        Assert.Equal(200, (await admin.PutAsync($"/api/v1/organisations/{Agency}", new { name = "国家税务总局沈阳市沈北新区税务局", kind = "enforcementAgency", regionId = District })).StatusCode);
        Assert.Equal(200, (await admin.PutAsync($"/api/v1/organisations/{Hall}", new
        {
            name = "沈北新区行政复议综合受理大厅",
            kind = "intakePoint",
            regionId = District,
            intakeKind = "integratedHall",
            bodyId = "B-R210113",
        })).StatusCode);
    }

    private async Task<string?> ListedPathAsync(string caseId)
    {
        var items = (await admin.ListAsync("q=" + Uri.EscapeDataString("迁区申请人"))).Body.GetProperty("items").EnumerateArray();
        return items.Single(i => i.GetProperty("caseId").GetString() == caseId).GetProperty("regionPath").GetString();
    }
}
