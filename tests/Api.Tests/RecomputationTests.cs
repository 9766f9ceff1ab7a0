using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// An administrator loads a holiday year: the answer says a recomputation of the running deadlines started, and its
/// report, followed through HTTP, ends listing the case whose decision period moved, linked to the history that says
/// from and to. The server's clock is moved to 1 December of the year before a year not yet loaded, so that a decision
/// period started that day runs into it.
/// </summary>
public sealed class RecomputationTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient admin = gateway.As(Actors.Administrator);

    [Fact]
    public async Task Loading_a_year_starts_a_recomputation_whose_report_lists_the_changed_case()
    {
        var year = TravelToDecemberBeforeAnUnloadedYear();
        var (caseId, decisionDueOn) = await AcceptedCaseAsync();

        var loaded = await admin.PutAsync($"/api/v1/calendar/years/{year}", new
        {
            off = new[] { new { date = decisionDueOn.Iso(), name = "测试假日" } },
            makeupWorkdays = Array.Empty<object>(),
        });

        Assert.True(loaded.StatusCode == 200, loaded.ToString());
        Assert.Equal(year, loaded.Body.GetProperty("year").GetInt32());
        var started = loaded.Body.GetProperty("recomputation");
        Assert.Equal("running", started.GetProperty("status").GetString());
        Assert.Equal(Actors.AdminUser, started.GetProperty("startedBy").GetString());
        Assert.Equal($"/api/v1/calendar/years/{year}/recomputation", loaded.Body.GetProperty("recomputationProgress").GetString());

        var report = await CompletedReportAsync(year);
        Assert.Equal(1, report.GetProperty("casesChecked").GetInt64());
        Assert.Equal(1, report.GetProperty("casesChanged").GetInt64());
        Assert.Equal(0, report.GetProperty("changedCasesNotListed").GetInt64());
        Assert.Equal(0, report.GetProperty("casesFailed").GetInt64());
        Assert.Equal(JsonValueKind.String, report.GetProperty("completedAt").ValueKind);
        var changed = Assert.Single(report.GetProperty("changedCases").EnumerateArray());
        Assert.Equal(caseId, changed.GetProperty("caseId").GetString());
        Assert.Equal(1, changed.GetProperty("changedDeadlines").GetInt32());

        // The link leads to the case's history, whose system entry says which deadline moved, from and to.
        var history = await admin.GetPathAsync(changed.GetProperty("history").GetString()!);
        Assert.True(history.StatusCode == 200, history.ToString());
        var entry = Assert.Single(history.Body.EnumerateArray(), e => e.GetProperty("action").GetString() == "recomputeDeadlines");
        Assert.Contains(decisionDueOn.Iso(), entry.GetRawText(), StringComparison.Ordinal);
        var moved = (await gateway.Cases().GetAsync(caseId)).Deadline("decision");
        Assert.True(Dates.ParseIso(moved.GetProperty("dueOn").GetString()!) > decisionDueOn);
    }

    [Fact]
    public async Task Only_an_administrator_reads_a_recomputation_and_a_year_without_one_is_a_404()
    {
        (await admin.SendAsync(HttpMethod.Get, "/api/v1/calendar/years/2099/recomputation", authenticated: false)).AssertProblem(401, "unauthenticated");
        (await gateway.Cases().GetPathAsync("/api/v1/calendar/years/2099/recomputation")).AssertProblem(403, "administrator_required");
        (await admin.As(Actors.ProvinceSupervisor).GetPathAsync("/api/v1/calendar/years/2099/recomputation")).AssertProblem(403, "administrator_required");
        (await admin.GetPathAsync("/api/v1/calendar/years/2099/recomputation")).AssertProblem(404, "recomputation_not_found");
        (await admin.GetPathAsync("/api/v1/calendar/years/twenty/recomputation")).AssertInvalid("year");
    }

    /// <summary>Moves the server's clock to 1 December of the year before the first year after its own that is not
    /// loaded and whose December before has not begun; returns that year.</summary>
    private int TravelToDecemberBeforeAnUnloadedYear()
    {
        var today = gateway.Clock.ChinaToday;
        var year = Math.Max(today < new DateOnly(today.Year, 12, 1) ? today.Year + 1 : today.Year + 2, 2027);
        gateway.Clock.TravelDays(new DateOnly(year - 1, 12, 1).DayNumber - today.DayNumber);
        return year;
    }

    /// <summary>A case received and accepted today by the server's clock: its 60-day decision period ends in the next year.</summary>
    private async Task<(string Id, DateOnly DecisionDueOn)> AcceptedCaseAsync()
    {
        var knownOn = gateway.Clock.ChinaToday.AddDays(-3).Iso();
        var application = Applications.TrafficFine();
        application["challengedAct"]!["actOn"] = knownOn;
        application["challengedAct"]!["knownOn"] = knownOn;
        var received = await gateway.As(Actors.TrafficPointClerk).ReceivedAsync(application);
        var accepted = await gateway.Cases().DoAsync(received.Id, new { action = "accept", procedure = "ordinary", reason = "材料齐全，符合受理条件" });
        return (received.Id, Dates.ParseIso(accepted.Deadline("decision").GetProperty("dueOn").GetString()!));
    }

    /// <summary>Polls the report until it is completed, for at most half a minute (the run waits a few seconds for
    /// every calendar copy to have the year, then has one case to ask).</summary>
    private async Task<JsonElement> CompletedReportAsync(int year)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var report = await admin.GetPathAsync($"/api/v1/calendar/years/{year}/recomputation");
            Assert.True(report.StatusCode == 200, report.ToString());
            if (report.Body.GetProperty("status").GetString() == "completed")
            {
                return report.Body;
            }

            Assert.False(timeout.IsCancellationRequested, $"the recomputation of {year} did not complete: {report}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
