using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests.Complaints;

/// <summary>Without a database the platform keeps complaints in its embedded in-memory default, with the same rules.</summary>
public sealed class EmbeddedComplaintTests(EmbeddedGateway gateway) : IClassFixture<EmbeddedGateway>
{
    [Fact]
    public async Task An_anonymous_report_is_rejected_answered_and_closed_without_PostgreSQL()
    {
        var dadong = gateway.As(Actors.Supervisor(Actors.DadongSupervision));
        var body = $$"""{"kind": "report", "agencyId": "{{Actors.DadongUrbanManagement}}", "conduct": "城管执法人员暴力执法"}""";

        var received = await dadong.SendAsync(HttpMethod.Post, "/api/v1/complaints", body);
        Assert.True(received.StatusCode == 201, received.ToString());
        var id = received.Id;
        foreach (var command in new object[]
        {
            new { action = "rejectComplaint", ground = "otherRemedyAvailable", reasons = "应当通过行政复议途径解决" },
            new { action = "answerComplainant", summary = "已告知行政复议途径" },
            new { action = "closeComplaint" },
        })
        {
            var done = await dadong.SendAsync(HttpMethod.Post, $"/api/v1/complaints/{id}/actions", CaseClient.Json(command));
            Assert.True(done.StatusCode == 200, done.ToString());
        }

        var closed = await dadong.GetPathAsync($"/api/v1/complaints/{id}");
        Assert.Equal(("closed", 4L), (closed.Body.GetProperty("complaint").GetProperty("status").GetString(), closed.Version));
        Assert.Equal(4, (await dadong.GetPathAsync($"/api/v1/complaints/{id}/history")).Body.GetArrayLength());
        var listed = await dadong.GetPathAsync("/api/v1/complaints?status=closed&kind=report");
        Assert.Equal(id, listed.Body.GetProperty("items")[0].GetProperty("complaintId").GetString());
        (await gateway.As(Actors.AgencyStaff(Actors.DadongUrbanManagement)).GetPathAsync($"/api/v1/complaints/{id}")).AssertProblem(404, "complaint_not_found");
    }
}
