using System.Text.Json;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Supervision;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// How an instrument is stored: the snapshot without its citations, and each citation as a row of its own, so that a
/// commit carries the citations its change added rather than every case a pattern notice has absorbed.
/// </summary>
internal static class InstrumentStorage
{
    /// <summary>The snapshot the stored snapshot and citation rows make, its citations in citation order.</summary>
    /// <exception cref="InvalidOperationException">The snapshot is empty or still holds citations (written before
    /// <c>0240_instrument_citations.sql</c> moved them to rows): reading it would lose them at the next commit.</exception>
    public static InstrumentSnapshot Read(StoredInstrument stored)
    {
        var snapshot = JsonSerializer.Deserialize<InstrumentSnapshot>(stored.SnapshotJson, DomainJson.Storage)
            ?? throw new InvalidOperationException($"Instrument {stored.Id} has an empty snapshot.");
        if (snapshot.Instrument.Citations.Count > 0)
        {
            throw new InvalidOperationException($"Instrument {stored.Id}'s snapshot holds its citations; migration 0240_instrument_citations moves them to rows.");
        }

        var citations = stored.Citations.Select(row => JsonSerializer.Deserialize<Citation>(row.CitationJson, DomainJson.Storage)
            ?? throw new InvalidOperationException($"Instrument {stored.Id} has an empty citation of {row.CaseId}."));
        return snapshot with { Instrument = snapshot.Instrument with { Citations = SupervisionInstrument.InCitationOrder(citations) } };
    }

    public static string Snapshot(InstrumentSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot with { Instrument = snapshot.Instrument with { Citations = [] } }, DomainJson.Storage);

    /// <summary>The rows of the citations <paramref name="event"/> added to <paramref name="before"/>'s (null for a new
    /// instrument), giving <paramref name="after"/>.</summary>
    /// <exception cref="InvalidOperationException">The citations changed in a way the event does not account for: a new
    /// kind of event would otherwise lose citations silently.</exception>
    public static IReadOnlyList<StoredCitation> Added(SupervisionInstrument? before, InstrumentEvent @event, SupervisionInstrument after)
    {
        IReadOnlyList<Citation> added = @event switch
        {
            InstrumentDrafted drafted => drafted.Citations,
            CasesCited cited => cited.Citations,
            _ => [],
        };
        if ((before?.Citations.Count ?? 0) + added.Count != after.Citations.Count)
        {
            throw new InvalidOperationException($"Instrument {after.Id}: {@event.Action} changed its citations other than by adding {added.Count}.");
        }

        return [.. added.Select(c => new StoredCitation(c.CaseId, JsonSerializer.Serialize(c, DomainJson.Storage)))];
    }
}
