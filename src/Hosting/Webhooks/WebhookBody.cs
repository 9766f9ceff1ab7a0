using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Hosting.Webhooks;

/// <summary>
/// The JSON body of a webhook request, built once per delivery and stored, so every retry sends (and signs) the same
/// text: <c>id</c> (the delivery id), <c>type</c> (the notification's kind), <c>notificationId</c>, <c>caseId</c>,
/// <c>createdAt</c> (ISO 8601, UTC), <c>recipientOrganisationId</c>, <c>recipientRole</c> (null when addressed to the
/// whole organisation), <c>title</c> and <c>text</c> (Chinese, as users read them) and <c>payload</c> (the
/// notification's JSON object as it is). Every property is always present; Chinese text is written as is, like every
/// other JSON the platform writes.
/// </summary>
public static class WebhookBody
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Of(Guid deliveryId, StoredNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", deliveryId);
            writer.WriteString("type", notification.Kind);
            writer.WriteNumber("notificationId", notification.Id);
            writer.WriteString("caseId", notification.CaseId);
            writer.WriteString("createdAt", notification.CreatedAt.ToUniversalTime());
            writer.WriteString("recipientOrganisationId", notification.RecipientOrganisationId);
            writer.WriteString("recipientRole", notification.RecipientRole);
            writer.WriteString("title", notification.Title);
            writer.WriteString("text", notification.Text);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(notification.PayloadJson);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
