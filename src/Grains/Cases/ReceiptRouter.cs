using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Grains.Cases;

/// <summary>Looks up the organisations an application names and lets the domain route it.</summary>
public static class ReceiptRouter
{
    public static async Task<RoutingOutcome> RouteAsync(ReceiveApplication application, IOrganisationDirectory directory)
    {
        var intakePoint = await directory.FindOrganisationAsync(application.IntakePointId);
        var agency = await directory.FindOrganisationAsync(application.RespondentAgencyId);
        var receivingBody = intakePoint?.BodyId is { } bodyId ? await directory.FindOrganisationAsync(bodyId) : null;
        var regions = new RegionTree(await directory.ListRegionsAsync());
        var bodies = await directory.ListOrganisationsAsync(OrganisationKind.ReconsiderationBody);
        var (routing, refusal) = ReceiptRoutingRules.Route(application, intakePoint, agency, receivingBody, regions, new CompetentBodyResolver(bodies));
        return new RoutingOutcome(routing, refusal is null ? null : CaseFailures.From(refusal));
    }
}
