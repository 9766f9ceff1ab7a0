using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Grains.Cases;

/// <summary>
/// Resolves the organisations an application names, for cross-region intake (全域受案): the intake point and
/// the body it receives for, the respondent agency, and the competent body of the agency's region.
/// </summary>
public static class ReceiptRouter
{
    public static async Task<RoutingOutcome> RouteAsync(ReceiveApplication application, IOrganisationDirectory directory)
    {
        var intake = await directory.FindOrganisationAsync(application.IntakePointId);
        if (intake is not { Kind: OrganisationKind.IntakePoint })
        {
            return Invalid("intakePointId", $"No intake point has the id '{application.IntakePointId}'.", "受理点不存在");
        }

        var agency = await directory.FindOrganisationAsync(application.RespondentAgencyId);
        if (agency is not { Kind: OrganisationKind.EnforcementAgency })
        {
            return Invalid("respondentAgencyId", $"No enforcement agency has the id '{application.RespondentAgencyId}'.", "被申请人（行政执法机关）不存在");
        }

        var receiving = intake.BodyId is null ? null : await directory.FindOrganisationAsync(intake.BodyId);
        if (receiving is not { Kind: OrganisationKind.ReconsiderationBody })
        {
            return Unroutable("intake_point_without_body", $"Intake point '{intake.Id}' is not attached to a reconsideration body.", "受理点未关联行政复议机构");
        }

        var regions = new RegionTree(await directory.ListRegionsAsync());
        var bodies = await directory.ListOrganisationsAsync(OrganisationKind.ReconsiderationBody);
        var competent = CompetentBodyResolver.Resolve(agency, regions, bodies);
        if (competent is null)
        {
            return Unroutable("no_competent_body", $"No reconsideration body covers the region of agency '{agency.Id}'.", "找不到有管辖权的行政复议机关");
        }

        return new RoutingOutcome(new ReceiptRouting(intake, receiving, agency, competent, regions.PathOf(agency.RegionId)), null);
    }

    private static RoutingOutcome Invalid(string field, string detail, string title) =>
        new(null, new CaseFailure(CaseFailureKind.Invalid, "unknown_organisation", title, detail) { Field = field });

    private static RoutingOutcome Unroutable(string code, string detail, string title) =>
        new(null, new CaseFailure(CaseFailureKind.RuleViolation, code, title, detail) { LegalBasis = "《行政复议法》第二十四条" });
}
