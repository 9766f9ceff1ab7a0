using CaseGrains.Domain.Access;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Regions and organisations: the Liaoning demo directory is there from the start, an administrator adds to it
/// with PUT, invalid entries are refused field by field, and receipt routes by it across regions (全域受案).
/// </summary>
public sealed class OrganisationTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient admin = gateway.As(Actors.Administrator);

    [Fact]
    public async Task The_demo_regions_and_organisations_are_there_from_the_start()
    {
        var regions = (await admin.GetPathAsync("/api/v1/regions")).Body.EnumerateArray().ToList();
        var organisations = (await admin.GetPathAsync("/api/v1/organisations")).Body.EnumerateArray().ToList();

        var liaoning = regions.Single(r => r.GetProperty("id").GetString() == "R210000");
        Assert.Equal("辽宁省", liaoning.GetProperty("name").GetString());
        Assert.Equal("province", liaoning.GetProperty("level").GetString());
        var dadong = regions.Single(r => r.GetProperty("id").GetString() == "R210104");
        Assert.Equal(("county", "R210100"), (dadong.GetProperty("level").GetString(), dadong.GetProperty("parentId").GetString()));
        Assert.True(regions.Count >= 20);

        var point = organisations.Single(o => o.GetProperty("id").GetString() == Actors.DadongTrafficPoint);
        Assert.Equal("intakePoint", point.GetProperty("kind").GetString());
        Assert.Equal("trafficPoliceCollectionPoint", point.GetProperty("intakeKind").GetString());
        Assert.Equal(Actors.DadongBody, point.GetProperty("bodyId").GetString());
        Assert.Contains(organisations, o => o.GetProperty("id").GetString() == Actors.DadongBody);
        Assert.Contains(organisations, o => o.GetProperty("id").GetString() == Actors.DadongTrafficBrigade);
    }

    [Theory]
    [InlineData("reconsiderationBody")]
    [InlineData("enforcementAgency")]
    [InlineData("intakePoint")]
    [InlineData("supervisionOffice")]
    public async Task Organisations_can_be_listed_by_kind(string kind)
    {
        var listed = (await admin.GetPathAsync("/api/v1/organisations?kind=" + kind)).Body.EnumerateArray().ToList();

        Assert.NotEmpty(listed);
        Assert.All(listed, o => Assert.Equal(kind, o.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task One_organisation_is_read_by_its_id_and_an_unknown_one_is_a_404()
    {
        var found = await admin.GetPathAsync("/api/v1/organisations/" + Actors.DadongTrafficBrigade);
        Assert.Equal(200, found.StatusCode);
        Assert.Equal("沈阳市公安局交通警察支队大东大队", found.Body.GetProperty("name").GetString());
        Assert.Equal("R210104", found.Body.GetProperty("regionId").GetString());

        (await admin.GetPathAsync("/api/v1/organisations/A-NOWHERE")).AssertProblem(404, "not_found");
        (await admin.GetPathAsync("/api/v1/organisations?kind=court")).AssertInvalid("kind");
    }

    [Fact]
    public async Task A_new_district_with_its_body_agency_and_intake_point_is_put_read_back_and_used_for_routing()
    {
        var region = await admin.PutAsync("/api/v1/regions/R210105", new { name = "皇姑区", level = "county", parentId = "R210100" });
        var body = await admin.PutAsync("/api/v1/organisations/B-R210105", new { name = "沈阳市皇姑区人民政府行政复议办公室", kind = "reconsiderationBody", regionId = "R210105" });
        var agency = await admin.PutAsync("/api/v1/organisations/A-R210105-TAX", new { name = "国家税务总局沈阳市皇姑区税务局", kind = "enforcementAgency", regionId = "R210105" });
        var point = await admin.PutAsync("/api/v1/organisations/I-R210105-HALL", new
        {
            name = "皇姑区行政复议综合受理大厅",
            kind = "intakePoint",
            regionId = "R210105",
            intakeKind = "integratedHall",
            bodyId = "B-R210105",
        });

        Assert.All([region, body, agency, point], r => Assert.Equal(200, r.StatusCode));
        var regions = (await admin.GetPathAsync("/api/v1/regions")).Body.EnumerateArray();
        Assert.Contains(regions, r => r.GetProperty("id").GetString() == "R210105" && r.GetProperty("name").GetString() == "皇姑区");
        Assert.Equal("B-R210105", (await admin.GetPathAsync("/api/v1/organisations/I-R210105-HALL")).Body.GetProperty("bodyId").GetString());

        // Its clerk receives there at once: the new intake point is a known organisation for tokens too.
        var received = await admin.As(Actors.Clerk("I-R210105-HALL")).ReceivedAsync(Applications.Against("A-R210105-TAX", "I-R210105-HALL", "hall", "新区申请人"));
        Assert.Equal("B-R210105", received.Case.GetProperty("competentBodyId").GetString());
        Assert.Equal("国家税务总局沈阳市皇姑区税务局", received.Case.GetProperty("respondentAgencyName").GetString());
        Assert.Equal("/R210000/R210100/R210105/", received.Case.GetProperty("regionPath").GetString());

        // PUT again renames: PUT is idempotent by nature.
        var renamed = await admin.PutAsync("/api/v1/regions/R210105", new { name = "沈阳市皇姑区", level = "county", parentId = "R210100" });
        Assert.Equal("沈阳市皇姑区", renamed.Body.GetProperty("name").GetString());
    }

    public static TheoryData<string, string, string[]> InvalidRegions => new()
    {
        { "R210106", """{"name":"","level":"county","parentId":"R210100"}""", ["name"] },
        { "R210106", """{"name":"x","level":"county","parentId":"R999999"}""", ["parentId"] },
        { "R210106", """{"name":"x","level":"township","parentId":"R210100"}""", ["level"] },
        { "R210106", """{"name":"x","level":"city","parentId":null}""", ["parentId"] },
        { "210106", """{"name":"","level":"county","parentId":"R999"}""", ["id", "name", "parentId"] },
        { "R210106", """{"name":"x","level":"district","parentId":"R210100"}""", ["$.level"] },
        { "R210106", """{"name":"x","level":1,"parentId":"R210100"}""", ["$.level"] },
        { "R210106", """{"name":"x","level":"county"}""", ["$.parentId"] },
        { "R210106", """{"name":"x","level":"county","parentId":"R210100","code":"210106"}""", ["$.code"] },
        { "R210106", """{"name":"x",""", ["$"] },
    };

    [Theory]
    [MemberData(nameof(InvalidRegions))]
    public async Task An_invalid_region_is_a_400_naming_each_field_and_is_not_stored(string id, string json, string[] fields)
    {
        (await admin.SendAsync(HttpMethod.Put, "/api/v1/regions/" + id, json)).AssertInvalid(fields);

        Assert.DoesNotContain((await admin.GetPathAsync("/api/v1/regions")).Body.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    public static TheoryData<string, string, string[]> InvalidOrganisations => new()
    {
        { "I-BAD-1", """{"name":"x","kind":"intakePoint","regionId":"R404"}""", ["regionId", "intakeKind", "bodyId"] },
        { "I-BAD-2", """{"name":"x","kind":"intakePoint","regionId":"R210104","intakeKind":"online","bodyId":"A-R210104-TRAFFIC"}""", ["bodyId"] },
        { "A-BAD-3", """{"name":"x","kind":"enforcementAgency","regionId":"R210104","intakeKind":"online","bodyId":"B-R210104"}""", ["intakeKind", "bodyId"] },
        { "A-BAD-4", """{"name":" ","kind":"enforcementAgency","regionId":"R210104"}""", ["name"] },
        { "-BAD-5", """{"name":"x","kind":"enforcementAgency","regionId":"R210104"}""", ["id"] },
        { "A-BAD-6", """{"name":"x","kind":"court","regionId":"R210104"}""", ["$.kind"] },
        { "A-BAD-7", """{"name":"x","kind":"enforcementAgency"}""", ["$.regionId"] },
        { "A-BAD-8", """{"name":"x","kind":"enforcementAgency","regionId":"R210104","phone":"024"}""", ["$.phone"] },
    };

    [Theory]
    [MemberData(nameof(InvalidOrganisations))]
    public async Task An_invalid_organisation_is_a_400_naming_each_field_and_is_not_stored(string id, string json, string[] fields)
    {
        (await admin.SendAsync(HttpMethod.Put, "/api/v1/organisations/" + id, json)).AssertInvalid(fields);

        Assert.Equal(404, (await admin.GetPathAsync("/api/v1/organisations/" + id)).StatusCode);
    }

    [Fact]
    public async Task A_body_that_intake_points_receive_for_cannot_be_turned_into_another_kind()
    {
        var refused = await admin.PutAsync("/api/v1/organisations/B-R210804", new { name = "鲅鱼圈区", kind = "enforcementAgency", regionId = "R210804" });

        refused.AssertInvalid("kind");
        Assert.Contains("I-R210804-GREEN", refused.Body.GetProperty("errors").GetProperty("kind")[0].GetString());
        Assert.Equal("reconsiderationBody", (await admin.GetPathAsync("/api/v1/organisations/B-R210804")).Body.GetProperty("kind").GetString());
        Assert.Equal(201, (await admin.As(Actors.Clerk(Actors.YingkouGreenChannel))
            .ReceiveAsync(Applications.Against("A-R210800-SAMR", Actors.YingkouGreenChannel, "greenChannel", "仍可收件"))).StatusCode);
    }

    [Fact]
    public async Task Changing_the_directory_needs_an_administrator()
    {
        const string region = """{"name":"苏家屯区","level":"county","parentId":"R210100"}""";
        const string organisation = """{"name":"x","kind":"enforcementAgency","regionId":"R210104"}""";
        var supervisor = admin.As("supervisor-qian", "S-R210000", Role.Supervisor);

        (await admin.SendAsync(HttpMethod.Put, "/api/v1/regions/R210111", region, authenticated: false)).AssertProblem(401, "unauthenticated");
        (await supervisor.SendAsync(HttpMethod.Put, "/api/v1/regions/R210111", region)).AssertProblem(403, "administrator_required");
        (await supervisor.SendAsync(HttpMethod.Put, "/api/v1/organisations/A-X", organisation)).AssertProblem(403, "administrator_required");
        Assert.Equal(404, (await admin.GetPathAsync("/api/v1/organisations/A-X")).StatusCode);
    }

    [Fact]
    public async Task An_application_received_in_one_region_against_an_agency_in_another_goes_to_the_agencys_competent_body()
    {
        // Handed in at the Yingkou green-channel point (receiving for Bayuquan) against the Dadong traffic brigade.
        var received = await admin.As(Actors.Clerk(Actors.YingkouGreenChannel))
            .ReceivedAsync(Applications.Against(Actors.DadongTrafficBrigade, Actors.YingkouGreenChannel, "greenChannel", "跨区申请人"));

        Assert.Equal("I-R210804-GREEN", received.Case.GetProperty("intakePointId").GetString());
        Assert.Equal("B-R210804", received.Case.GetProperty("receivingBodyId").GetString());
        Assert.Equal(Actors.DadongBody, received.Case.GetProperty("competentBodyId").GetString());
        Assert.Equal("/R210000/R210100/R210104/", received.Case.GetProperty("regionPath").GetString());

        // It is on the competent body's list, and on the receiving body's.
        Assert.Contains(received.Id, await IdsAsync("competentBodyId=B-R210104"));
        Assert.Contains(received.Id, await IdsAsync("receivingBodyId=B-R210804"));
        Assert.DoesNotContain(received.Id, await IdsAsync("competentBodyId=B-R210804"));
    }

    [Fact]
    public async Task An_agency_in_a_township_goes_to_the_body_of_the_nearest_region_above()
    {
        // Filed online by the applicant themselves; the online platform receives for the province's body.
        var received = await admin.As(Actors.Applicant("u-township")).ReceivedAsync(Applications.Online("A-R211321101-GOV", "乡镇申请人"));

        Assert.Equal("B-R211321", received.Case.GetProperty("competentBodyId").GetString());
        Assert.Equal("B-R210000", received.Case.GetProperty("receivingBodyId").GetString());
        Assert.Equal("u-township", received.Case.GetProperty("applicantUserId").GetString());
    }

    private async Task<IReadOnlyList<string>> IdsAsync(string query) =>
        [.. (await admin.ListAsync(query)).Body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("caseId").GetString()!)];
}
