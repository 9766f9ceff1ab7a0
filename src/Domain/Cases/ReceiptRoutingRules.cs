using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// Where an application goes (全域受案): it must name an intake point attached to a reconsideration body and an
/// enforcement agency, and is routed to the competent body of the agency's region (Art. 24), wherever it was
/// received. The caller looks the organisations up; this decides.
/// </summary>
public static class ReceiptRoutingRules
{
    public static (ReceiptRouting? Routing, CaseRefusal? Refusal) Route(
        ReceiveApplication application,
        Organisation? intakePoint,
        Organisation? agency,
        Organisation? receivingBody,
        RegionTree regions,
        CompetentBodyResolver competentBodies)
    {
        if (intakePoint is not { Kind: OrganisationKind.IntakePoint })
        {
            return Refused(CaseRefusal.Invalid("intakePointId", "unknown_organisation", "受理点不存在",
                $"No intake point has the id '{application.IntakePointId}'."));
        }

        if (agency is not { Kind: OrganisationKind.EnforcementAgency })
        {
            return Refused(CaseRefusal.Invalid("respondentAgencyId", "unknown_organisation", "被申请人（行政执法机关）不存在",
                $"No enforcement agency has the id '{application.RespondentAgencyId}'."));
        }

        if (receivingBody is not { Kind: OrganisationKind.ReconsiderationBody } || receivingBody.Id != intakePoint.BodyId)
        {
            return Refused(CaseRefusal.RuleViolation("intake_point_without_body", "受理点未关联行政复议机构",
                $"Intake point '{intakePoint.Id}' is not attached to a reconsideration body.", ReconsiderationLaw.Article24));
        }

        var competent = competentBodies.Resolve(agency, regions);
        return competent is null
            ? Refused(CaseRefusal.RuleViolation("no_competent_body", "找不到有管辖权的行政复议机关",
                $"No reconsideration body covers the region of agency '{agency.Id}'.", ReconsiderationLaw.Article24))
            : (new ReceiptRouting(intakePoint, receivingBody, agency, competent, regions.PathOf(agency.RegionId)), null);
    }

    private static (ReceiptRouting?, CaseRefusal?) Refused(CaseRefusal refusal) => (null, refusal);
}
