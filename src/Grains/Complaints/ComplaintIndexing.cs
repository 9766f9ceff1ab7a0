using CaseGrains.Abstractions;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Persistence.Complaints;

namespace CaseGrains.Grains.Complaints;

/// <summary>The list row of a complaint, written with every change; it carries nothing about the complainant.</summary>
public static class ComplaintIndexing
{
    public static ComplaintIndexEntry EntryFor(EnforcementComplaint complaint, long version, DateTimeOffset updatedAt) => new(
        ComplaintId: complaint.Id,
        Status: EnumNames.Of(complaint.Status),
        Kind: EnumNames.Of(complaint.Kind),
        AgencyId: complaint.AgencyId,
        AgencyName: complaint.AgencyName,
        RegionPath: complaint.RegionPath,
        HandlingOfficeId: complaint.HandlingOfficeId,
        ReceivedOn: complaint.ReceivedOn,
        AnswerDueOn: complaint.Deadlines.LastOrDefault(d => d is { Kind: DeadlineKind.ComplaintAnswer, Phase: DeadlinePhase.Running })?.DueOn,
        AnswerOverdue: complaint.AnswerOverdue,
        Substantiated: complaint.Handling?.Substantiated,
        UpdatedAt: updatedAt,
        Version: version);
}
