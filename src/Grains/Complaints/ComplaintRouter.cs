using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Complaints;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Grains.Complaints;

/// <summary>Resolves from the directory what a complaint needs on arrival (<see cref="ComplaintRouting"/>): the agency
/// complained of, its region's path, and the supervision office nearest that region, which handles it.</summary>
public static class ComplaintRouter
{
    public static async Task<(ComplaintRouting? Routing, CaseFailure? Failure)> RouteAsync(ReceiveComplaint complaint, IOrganisationDirectory directory)
    {
        if (string.IsNullOrWhiteSpace(complaint.AgencyId)
            || await directory.FindOrganisationAsync(complaint.AgencyId) is not { Kind: OrganisationKind.EnforcementAgency } agency)
        {
            return (null, ComplaintFailures.AgencyNotFound(complaint.AgencyId ?? string.Empty));
        }

        var regions = new RegionTree(await directory.ListRegionsAsync());
        var path = regions.PathOf(agency.RegionId);
        var office = SupervisingOffice.For(path, await directory.ListOrganisationsAsync(OrganisationKind.SupervisionOffice));
        return office is null
            ? (null, ComplaintFailures.NoSupervisionOffice(agency.Id))
            : (new ComplaintRouting(agency, path, office), null);
    }
}
