using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// Who may see and do what with supervision instruments and agencies' records, in one place, following the roles of
/// domain.md. The issuer's side of an opinion letter (行政复议意见书) is its reconsideration body: officers draft, revise,
/// record receipt, review the report and take the Art. 77 follow-ups, and only the head approves and issues. The issuer's
/// side of a supervision notice (行政执法监督通知书) is the supervision office (司法局) that issues it; once the matter has been
/// escalated, the supervisor it now sits with may take the follow-ups too. The agency's staff record receipt and report
/// their rectification, and never see a draft. Supervisors see every instrument against an agency in their region and
/// its subregions, and every one escalated to them; administrators see everything and act on nothing.
/// </summary>
public static class InstrumentAccessPolicy
{
    private static readonly Role[] Body = [Role.CaseOfficer, Role.BodyHead];

    public static bool MaySee(Principal principal, SupervisionInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(instrument);
        return principal.Role switch
        {
            Role.Administrator => true,
            Role.Supervisor => principal.HasRegionPath
                && (Within(principal, instrument.AgencyRegionPath) || Within(principal, instrument.SupervisorRegionPath)
                    || principal.OrganisationId == instrument.IssuingBodyId),
            Role.CaseOfficer or Role.BodyHead => principal.OrganisationId == instrument.IssuingBodyId,
            Role.AgencyStaff => principal.OrganisationId == instrument.AgencyId
                && instrument.Status is not (InstrumentStatus.Drafted or InstrumentStatus.Discarded),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="principal"/> may perform <paramref name="action"/> on an instrument: out of scope
    /// (404) when they may not see it, forbidden (403) when their role may not do this. System actions are forbidden to
    /// everyone.</summary>
    public static AccessDecision MayPerform(Principal principal, InstrumentActionName action, SupervisionInstrument instrument)
    {
        if (!MaySee(principal, instrument))
        {
            return AccessDecision.OutOfScope;
        }

        var issuer = IsIssuer(principal, instrument);
        var allowed = action switch
        {
            InstrumentActionName.ReviseDraft or InstrumentActionName.DiscardDraft or InstrumentActionName.AcceptRectification
                or InstrumentActionName.SendBackRectification or InstrumentActionName.CloseInstrument => issuer,
            InstrumentActionName.ApproveAndIssue => issuer && principal.Role is Role.BodyHead or Role.Supervisor,
            InstrumentActionName.RecordReceipt => issuer || IsAgency(principal, instrument),
            InstrumentActionName.ReportRectification => IsAgency(principal, instrument),
            InstrumentActionName.OrderCompliance or InstrumentActionName.SummonHead or InstrumentActionName.CriticisePublicly =>
                issuer || (principal.Role == Role.Supervisor && principal.OrganisationRegionPath == instrument.SupervisorRegionPath),
            _ => false,
        };
        return allowed ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>The actions of <see cref="SupervisionInstrument.AllowedActions"/> this principal may take.</summary>
    public static IReadOnlyList<InstrumentActionName> PermittedActions(Principal principal, SupervisionInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return [.. instrument.AllowedActions().Where(a => MayPerform(principal, a, instrument) == AccessDecision.Allowed)];
    }

    /// <summary>Drafting an opinion letter on a case (Art. 76): the officers and head of the case's competent body.</summary>
    public static bool MayDraftOpinionLetter(Principal principal, ReconsiderationCase @case)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(@case);
        return Body.Contains(principal.Role) && principal.OrganisationId == @case.CompetentBodyId;
    }

    /// <summary>Converting a case into a supervision procedure: the case's competent body, or a supervisor of the case's
    /// region or above.</summary>
    public static bool MayConvertCase(Principal principal, ReconsiderationCase @case)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(@case);
        return MayDraftOpinionLetter(principal, @case)
            || (principal.Role == Role.Supervisor && principal.HasRegionPath && @case.RegionPath.StartsWith(principal.OrganisationRegionPath, StringComparison.Ordinal));
    }

    /// <summary>Reading an agency's record: administrators, the agency's own staff, supervisors of its region or above, and
    /// the officers of reconsideration bodies of its region or above.</summary>
    public static bool MaySeeAgency(Principal principal, AgencyRecord agency)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(agency);
        return principal.Role switch
        {
            Role.Administrator => true,
            Role.AgencyStaff => principal.OrganisationId == agency.Id,
            Role.Supervisor or Role.CaseOfficer or Role.BodyHead => principal.HasRegionPath && Within(principal, agency.RegionPath),
            _ => false,
        };
    }

    private static bool IsIssuer(Principal principal, SupervisionInstrument instrument) =>
        principal.OrganisationId == instrument.IssuingBodyId
        && (instrument.Kind == InstrumentKind.OpinionLetter ? Body.Contains(principal.Role) : principal.Role == Role.Supervisor);

    private static bool IsAgency(Principal principal, SupervisionInstrument instrument) =>
        principal.Role == Role.AgencyStaff && principal.OrganisationId == instrument.AgencyId;

    private static bool Within(Principal principal, string regionPath) =>
        regionPath.StartsWith(principal.OrganisationRegionPath, StringComparison.Ordinal);
}
