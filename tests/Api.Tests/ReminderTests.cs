using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Deadline reminders as users see them through the API, on PostgreSQL: a case received through HTTP is reminded of its
/// review period and, when nobody decided on it, is accepted by operation of law — recorded in its history by the
/// system, surviving a restart, and counted in the lateness metric. The test moves the server's clock and runs the
/// scheduler partitions itself (the gateway factory keeps them from waking on their own).
/// </summary>
public sealed class ReminderTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient api = gateway.Cases();

    [Fact]
    public async Task A_review_period_nobody_acted_on_ends_in_acceptance_by_operation_of_law_recorded_by_the_system_once()
    {
        var received = await api.ReceivedAsync(Applications.TrafficFine("无人审查"));
        var reviewDue = received.Deadline("review").GetProperty("dueOn").GetString()!;
        await gateway.RestartAsync();

        gateway.Clock.TravelDays(30);
        await gateway.TickSchedulerAsync();
        await gateway.TickSchedulerAsync();

        var accepted = await api.GetAsync(received.Id);
        Assert.Equal("underReview", accepted.CaseStatus);
        Assert.True(accepted.Case.GetProperty("acceptedByOperationOfLaw").GetBoolean());
        Assert.Equal(reviewDue, accepted.Case.GetProperty("acceptedOn").GetString());

        var history = (await api.HistoryAsync(received.Id)).Body.EnumerateArray().ToList();
        var fired = history.Where(e => e.GetProperty("action").GetString() == "fireReminder").ToList();
        var overdue = Assert.Single(fired, e => e.GetProperty("payload") is var p && p.GetProperty("kind").GetString() == "review" && p.GetProperty("step").GetString() == "overdue");
        Assert.Equal("system", overdue.GetProperty("actorUserId").GetString());
        Assert.Equal("acceptedByOperationOfLaw", overdue.GetProperty("payload").GetProperty("consequence").GetString());
        // Each step of each deadline once, though every partition ran twice. Accepted on the review's last day, the case
        // started its later periods then, and the copy to the respondent is overdue by now too.
        Assert.Equal(fired.Count, fired.Select(e => (e.GetProperty("payload").GetProperty("deadlineId").GetInt32(), e.GetProperty("payload").GetProperty("step").GetString())).Distinct().Count());
        Assert.Contains(fired, e => e.GetProperty("payload").GetProperty("kind").GetString() == "copyToRespondent");
        Assert.Equal(200, (await api.VerificationAsync(received.Id)).StatusCode);

        var metrics = await gateway.Client.GetStringAsync("/metrics");
        Assert.Contains("casegrains_reminders_lateness_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_user_may_send_a_reminder_step_through_the_API()
    {
        var received = await api.ReceivedAsync(Applications.TrafficFine("伪造提醒"));
        var dueOn = received.Deadline("review").GetProperty("dueOn").GetString();

        var response = await api.ActAsync(received.Id, new { action = "fireReminder", kind = "review", deadlineId = 0, step = "advanceWarning", dueOn });

        response.AssertProblem(403, "role_not_permitted");
    }
}
