using System.Text.Json;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Api.Cases;

/// <summary>One history entry as the API shows it, with its payload as JSON rather than an escaped string.</summary>
public sealed record HistoryEntryView(
    long Sequence,
    DateTimeOffset At,
    string ActorUserId,
    string ActorOrganisationId,
    string Action,
    string? Reason,
    JsonElement Payload)
{
    public static HistoryEntryView Of(CaseHistoryEntry entry)
    {
        using var payload = JsonDocument.Parse(entry.PayloadJson);
        return new(entry.Sequence, entry.At, entry.ActorUserId, entry.ActorOrganisationId, entry.Action, entry.Reason, payload.RootElement.Clone());
    }
}
