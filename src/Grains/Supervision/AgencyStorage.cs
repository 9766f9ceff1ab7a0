using System.Text.Json;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Supervision;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// How an agency's record is stored: the record without its findings as the snapshot, and each finding as a row of its
/// own, so that a commit carries the findings its group added or replaced rather than every finding the record holds.
/// </summary>
internal static class AgencyStorage
{
    /// <summary>The record the snapshot and the finding rows of <paramref name="stored"/> make.</summary>
    /// <exception cref="InvalidOperationException">The snapshot is empty or still holds findings (written before
    /// <c>0200_agency_findings.sql</c> moved them to rows): reading it would lose them at the next commit.</exception>
    public static AgencyRecord Read(StoredAgency stored)
    {
        var record = JsonSerializer.Deserialize<AgencyRecord>(stored.SnapshotJson, DomainJson.Storage)
            ?? throw new InvalidOperationException($"Agency {stored.Id} has an empty record.");
        if (record.Findings.Count > 0)
        {
            throw new InvalidOperationException($"Agency {stored.Id}'s snapshot holds its findings; migration 0200_agency_findings moves them to rows.");
        }

        return record with { Findings = [.. stored.Findings.Select(f => Finding(stored.Id, f))] };
    }

    public static string Snapshot(AgencyRecord record) => JsonSerializer.Serialize(record with { Findings = [] }, DomainJson.Storage);

    /// <summary>The rows of the findings of <paramref name="caseIds"/> as <paramref name="record"/> holds them.</summary>
    public static IReadOnlyList<StoredFinding> Rows(AgencyRecord record, IEnumerable<string> caseIds) =>
        [.. caseIds.Select(id => new StoredFinding(
            id,
            record.PositionOf(id) ?? throw new ArgumentException($"Agency {record.Id} holds no finding of {id}.", nameof(caseIds)),
            JsonSerializer.Serialize(record.FindingOf(id), DomainJson.Storage)))];

    private static AgencyFinding Finding(string agencyId, StoredFinding row) =>
        JsonSerializer.Deserialize<AgencyFinding>(row.FindingJson, DomainJson.Storage)
        ?? throw new InvalidOperationException($"Agency {agencyId} has an empty finding of {row.CaseId}.");
}
