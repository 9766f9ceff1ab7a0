using System.Text.Json;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.PersonalData;
using CaseGrains.Domain.Serialization;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Api.Cases;

/// <summary>
/// One history entry as the API shows it: its payload decrypted and redacted for the reader's visibility, as
/// JSON rather than an escaped string, with the entry's place in the hash chain.
/// </summary>
public sealed record HistoryEntryView(
    long Sequence,
    DateTimeOffset At,
    string ActorUserId,
    string ActorOrganisationId,
    string Action,
    string? Reason,
    JsonElement Payload,
    string? Hash)
{
    public static HistoryEntryView Of(CaseHistoryEntry entry, CaseVisibility visibility, PersonalDataProtector protector)
    {
        var stored = JsonSerializer.Deserialize<CaseEvent>(entry.PayloadJson, DomainJson.Storage)
            ?? throw new InvalidOperationException($"History entry {entry.Sequence} has no payload.");
        var shown = CaseRedaction.For(protector.Unprotect(stored), visibility);
        return new(entry.Sequence, entry.At, entry.ActorUserId, entry.ActorOrganisationId, entry.Action, entry.Reason,
            JsonSerializer.SerializeToElement(shown, DomainJson.Storage), entry.Hash);
    }
}
