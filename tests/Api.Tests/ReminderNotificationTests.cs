using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Tests;

/// <summary>
/// The notices a fired reminder sends, as each recipient finds them in their inbox: an overdue decision reaches the head
/// of the competent body and the supervision office of the case's region, and not the case officers, who were told of
/// the periods that concerned them.
/// </summary>
public sealed class ReminderNotificationTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient api = gateway.Cases();

    [Fact]
    public async Task An_overdue_decision_is_in_the_inbox_of_the_head_of_the_body_and_of_the_supervisors_and_not_of_the_officers()
    {
        var received = await api.ReceivedAsync(Applications.TrafficFine("超期未决"));
        await api.DoAsync(received.Id, new { action = "accept", procedure = "ordinary" });

        gateway.Clock.TravelDays(75);
        await gateway.TickSchedulerAsync();

        Assert.True((await api.GetAsync(received.Id)).Case.GetProperty("decisionOverdue").GetBoolean());
        var head = await InboxAsync(gateway.Cases(Actors.HeadUser, Actors.DadongBody, Role.BodyHead), received.Id);
        var supervisor = await InboxAsync(gateway.Cases("supervisor-01", Actors.DadongSupervision, Role.Supervisor), received.Id);
        var officer = await InboxAsync(gateway.Cases(Actors.OfficerUser, Actors.DadongBody, Role.CaseOfficer), received.Id);

        var decisionOverdue = Assert.Single(head, IsDecisionOverdue);
        Assert.StartsWith("【逾期】", decisionOverdue.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(decisionOverdue.GetProperty("read").GetBoolean());
        Assert.Single(supervisor, IsDecisionOverdue);
        Assert.DoesNotContain(officer, IsDecisionOverdue);
        Assert.Contains(officer, n => n.GetProperty("payload").GetProperty("kind").GetString() == "copyToRespondent");
        Assert.DoesNotContain(head, n => n.GetProperty("recipientRole").GetString() == "caseOfficer");
    }

    private static bool IsDecisionOverdue(JsonElement notification) =>
        notification.GetProperty("payload") is var p && p.GetProperty("kind").GetString() == "decision" && p.GetProperty("step").GetString() == "overdue";

    private static async Task<List<JsonElement>> InboxAsync(CaseClient user, string caseId)
    {
        var page = await user.GetPathAsync($"/api/v1/notifications?caseId={caseId}&pageSize=100");
        Assert.Equal(200, page.StatusCode);
        return [.. page.Body.GetProperty("items").EnumerateArray()];
    }
}
