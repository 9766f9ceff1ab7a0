using System.Text.Json;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Api.Supervision;

/// <summary>One entry of an instrument's history as the API shows it: who did what, when and why, with the event.</summary>
public sealed record InstrumentHistoryEntryView(
    long Sequence, DateTimeOffset At, string ActorUserId, string ActorOrganisationId, string Action, string? Reason, JsonElement Payload)
{
    public static InstrumentHistoryEntryView Of(CaseHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var payload = JsonDocument.Parse(entry.PayloadJson);
        return new(entry.Sequence, entry.At, entry.ActorUserId, entry.ActorOrganisationId, entry.Action, entry.Reason, payload.RootElement.Clone());
    }
}
