using System.Text.Json;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.PersonalData;
using CaseGrains.Domain.Serialization;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Api.Complaints;

/// <summary>One entry of a complaint's history as the API shows it: who, when, what and why, its payload decrypted and
/// redacted for the reader, and its place in the hash chain.</summary>
public sealed record ComplaintHistoryEntryView(
    long Sequence,
    DateTimeOffset At,
    string ActorUserId,
    string ActorOrganisationId,
    string Action,
    string? Reason,
    JsonElement Payload,
    string? Hash)
{
    public static ComplaintHistoryEntryView Of(CaseHistoryEntry entry, CaseVisibility visibility, PersonalDataProtector protector)
    {
        var stored = JsonSerializer.Deserialize<ComplaintEvent>(entry.PayloadJson, DomainJson.Storage)
            ?? throw new InvalidOperationException($"History entry {entry.Sequence} has no payload.");
        var shown = ComplaintRedaction.For(protector.Unprotect(stored), visibility);
        return new(entry.Sequence, entry.At, entry.ActorUserId, entry.ActorOrganisationId, entry.Action, entry.Reason,
            JsonSerializer.SerializeToElement(shown, DomainJson.Storage), entry.Hash);
    }
}
