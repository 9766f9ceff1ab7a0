using CaseGrains.Abstractions;
using CaseGrains.Domain.Cases;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Grains.Cases;

/// <summary>The list row of a case, written with every change so lists never need to activate grains.</summary>
public static class CaseIndexing
{
    public static CaseIndexEntry EntryFor(ReconsiderationCase state, long version, DateTimeOffset updatedAt) => new(
        CaseId: state.Id,
        Status: EnumNames.Of(state.Status),
        ReceivingBodyId: state.ReceivingBodyId,
        CompetentBodyId: state.CompetentBodyId,
        RespondentAgencyId: state.RespondentAgencyId,
        IntakePointId: state.IntakePointId,
        RegionPath: state.RegionPath,
        Channel: EnumNames.Of(state.Channel),
        EnterpriseRelated: state.EnterpriseRelated,
        ApplicantName: state.Applicant.Name,
        AgencyName: state.RespondentAgencyName,
        ReceivedOn: state.ReceivedOn,
        NearestDueOn: state.NearestRunningDueOn(),
        UpdatedAt: updatedAt,
        Version: version,
        ApplicantUserId: state.ApplicantUserId);
}
