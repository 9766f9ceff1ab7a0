using System.Text.Json;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Supervision;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// How an agency's record is stored: the record without its findings and without its notices' cited cases as the
/// snapshot, each finding as a row of its own and each (notice, case) citation as a row of its own, so that a commit
/// carries the findings its group added or replaced and the citations it added rather than every finding and citation
/// the record holds.
/// </summary>
internal static class AgencyStorage
{
    /// <summary>The record the snapshot, the finding rows and the citation rows of <paramref name="stored"/> make.</summary>
    /// <exception cref="InvalidOperationException">The snapshot is empty, or still holds findings (written before
    /// <c>0200_agency_findings.sql</c> moved them to rows) or cited cases (before <c>0250_agency_notice_citations.sql</c>):
    /// reading it would lose them at the next commit.</exception>
    public static AgencyRecord Read(StoredAgency stored)
    {
        var record = JsonSerializer.Deserialize<AgencyRecord>(stored.SnapshotJson, DomainJson.Storage)
            ?? throw new InvalidOperationException($"Agency {stored.Id} has an empty record.");
        if (record.Findings.Count > 0)
        {
            throw new InvalidOperationException($"Agency {stored.Id}'s snapshot holds its findings; migration 0200_agency_findings moves them to rows.");
        }

        if (record.Notices.Any(n => n.CitedCaseIds.Count > 0))
        {
            throw new InvalidOperationException($"Agency {stored.Id}'s snapshot holds its notices' citations; migration 0250_agency_notice_citations moves them to rows.");
        }

        // The findings first: the citations are put in order by the day of each case's finding.
        return (record with { Findings = [.. stored.Findings.Select(f => Finding(stored.Id, f))] })
            .WithCitations(stored.Citations.ToLookup(c => c.NoticeId, c => c.CaseId, StringComparer.Ordinal));
    }

    public static string Snapshot(AgencyRecord record) =>
        JsonSerializer.Serialize(record with { Findings = [], Notices = [.. record.Notices.Select(n => n with { CitedCaseIds = [] })] }, DomainJson.Storage);

    /// <summary>The rows of the findings of <paramref name="caseIds"/> as <paramref name="record"/> holds them.</summary>
    public static IReadOnlyList<StoredFinding> Rows(AgencyRecord record, IEnumerable<string> caseIds) =>
        [.. caseIds.Select(id => new StoredFinding(
            id,
            record.PositionOf(id) ?? throw new ArgumentException($"Agency {record.Id} holds no finding of {id}.", nameof(caseIds)),
            JsonSerializer.Serialize(record.FindingOf(id), DomainJson.Storage)))];

    /// <summary>The citations <paramref name="event"/> added to the record's notices: the cases a pattern's notice cites
    /// (all of them when it drafts the notice, the new ones when an open notice absorbs them) and those of a notice
    /// tracked.</summary>
    public static IEnumerable<StoredNoticeCitation> Cited(AgencyEvent @event) => @event switch
    {
        FindingRecorded recorded => recorded.Patterns.SelectMany(p => p.Cited.Select(c => new StoredNoticeCitation(p.NoticeId, c.CaseId))),
        NoticeTracked tracked => tracked.CaseIds.Select(id => new StoredNoticeCitation(tracked.NoticeId, id)),
        _ => [],
    };

    private static AgencyFinding Finding(string agencyId, StoredFinding row) =>
        JsonSerializer.Deserialize<AgencyFinding>(row.FindingJson, DomainJson.Storage)
        ?? throw new InvalidOperationException($"Agency {agencyId} has an empty finding of {row.CaseId}.");
}
