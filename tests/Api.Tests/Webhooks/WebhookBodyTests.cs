using System.Text.Json;
using CaseGrains.Hosting.Webhooks;
using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>The body every delivery sends: a fixed set of properties, Chinese written as is, the payload embedded as
/// the notification's own JSON.</summary>
public sealed class WebhookBodyTests
{
    private static readonly Guid DeliveryId = Guid.Parse("01957e3a-0000-7000-8000-000000000001");

    [Fact]
    public void The_body_carries_the_delivery_id_and_the_notification()
    {
        var notification = new StoredNotification(
            42,
            new NotificationPosition(812, 42),
            "C-2025-0001",
            new DateTimeOffset(2025, 3, 10, 9, 30, 0, TimeSpan.FromHours(8)),
            "reminderFired",
            "B-R210104",
            "caseOfficer",
            null,
            "答复期限即将届满",
            "案件 C-2025-0001 的答复期限将于 2025-03-12 届满。",
            """{"deadline": "reply", "dueOn": "2025-03-12"}""");

        var body = WebhookBody.Of(DeliveryId, notification);

        Assert.Equal(
            """{"id":"01957e3a-0000-7000-8000-000000000001","type":"reminderFired","notificationId":42,"caseId":"C-2025-0001","createdAt":"2025-03-10T01:30:00+00:00","recipientOrganisationId":"B-R210104","recipientRole":"caseOfficer","title":"答复期限即将届满","text":"案件 C-2025-0001 的答复期限将于 2025-03-12 届满。","payload":{"deadline": "reply", "dueOn": "2025-03-12"}}""",
            body);
    }

    [Fact]
    public void A_notification_for_the_whole_organisation_has_a_null_role_and_text_that_needs_escaping_is_escaped()
    {
        var notification = new StoredNotification(7, new NotificationPosition(3, 7), "C-1", DateTimeOffset.UnixEpoch, "reminderFired", "B-1", null, null, "标题 \"引号\"", "第一行\n第二行", "{}");

        using var body = JsonDocument.Parse(WebhookBody.Of(DeliveryId, notification));

        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("recipientRole").ValueKind);
        Assert.Equal("标题 \"引号\"", body.RootElement.GetProperty("title").GetString());
        Assert.Equal("第一行\n第二行", body.RootElement.GetProperty("text").GetString());
        Assert.Equal(
            ["id", "type", "notificationId", "caseId", "createdAt", "recipientOrganisationId", "recipientRole", "title", "text", "payload"],
            body.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
