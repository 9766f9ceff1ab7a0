using System.Collections.Frozen;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Access;

/// <summary>
/// Who may see and do what, in one place. Scope follows the organisation tree: staff of a body see its cases, an
/// intake clerk the cases received at their point, agency staff the cases against their agency (as a respondent),
/// a supervisor the cases of their region and its subregions, an applicant their own cases. What a role may do to a
/// case it sees is the table <see cref="RolesFor"/>; supervisors and administrators read but never act on cases.
/// System actions (<see cref="CaseActionNameExtensions"/>: firing a reminder, recomputing deadlines) have no row: no
/// role may perform them, so a request through the gateway is forbidden whatever its token says. The platform performs
/// them from inside the cluster (the deadline scheduler and the calendar call the case directly, without a principal);
/// there is deliberately no "system" role, because every role is a value a token may name.
/// </summary>
public static class CaseAccessPolicy
{
    private static readonly Role[] Body = [Role.CaseOfficer, Role.BodyHead];

    /// <summary>Action → the roles that may perform it on a case in their scope.</summary>
    private static readonly FrozenDictionary<CaseActionName, FrozenSet<Role>> ActionRoles = new Dictionary<CaseActionName, Role[]>
    {
        // Receipt opens a case and is checked by MayReceive, never by MayPerform.
        [CaseActionName.ReceiveApplication] = [Role.Applicant, Role.IntakeClerk, .. Body],

        // The body's own work: review, hearing, committee, mediation, suspension, ending and closing.
        [CaseActionName.ResolveBeforeFiling] = Body,
        [CaseActionName.RequestCorrection] = Body,
        [CaseActionName.DeclareAbandoned] = Body,
        [CaseActionName.NotAccept] = Body,
        [CaseActionName.Accept] = Body,
        [CaseActionName.DeemAccepted] = Body,
        [CaseActionName.SendCopyToRespondent] = Body,
        [CaseActionName.RecordNoReply] = Body,
        [CaseActionName.ScheduleHearing] = Body,
        [CaseActionName.SendHearingNotice] = Body,
        [CaseActionName.HoldHearing] = Body,
        [CaseActionName.RequestCommitteeConsultation] = Body,
        [CaseActionName.RecordCommitteeOpinion] = Body,
        [CaseActionName.StartMediation] = Body,
        [CaseActionName.RecordMediationAgreement] = Body,
        [CaseActionName.RecordMediationFailure] = Body,
        [CaseActionName.Settle] = Body,
        [CaseActionName.Suspend] = Body,
        [CaseActionName.Resume] = Body,
        [CaseActionName.Terminate] = Body,
        [CaseActionName.Close] = Body,
        [CaseActionName.RecordPostDecisionQa] = Body,

        // The head approves (机构负责人批准): the procedure switch (Art. 55), the extension (Art. 62), the decision.
        [CaseActionName.SwitchToOrdinary] = [Role.BodyHead],
        [CaseActionName.Extend] = [Role.BodyHead],
        [CaseActionName.Decide] = [Role.BodyHead],

        // The parties' own steps, which staff may also record when they are handed in on paper.
        [CaseActionName.SubmitCorrection] = [Role.Applicant, Role.IntakeClerk, .. Body],
        [CaseActionName.Withdraw] = [Role.Applicant, .. Body],
        [CaseActionName.RecordReply] = [Role.AgencyStaff, .. Body],

        // System actions (FireReminder, RecomputeDeadlines) have no row on purpose: see the class summary.
    }.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenSet());

    /// <summary>The roles that may perform <paramref name="action"/> on a case in their scope; none for a system action.</summary>
    public static IReadOnlySet<Role> RolesFor(CaseActionName action) =>
        ActionRoles.TryGetValue(action, out var roles) ? roles : FrozenSet<Role>.Empty;

    /// <summary>How much of <paramref name="case"/> <paramref name="principal"/> may see; <see cref="CaseVisibility.None"/>
    /// when it is out of their scope.</summary>
    public static CaseVisibility VisibilityOf(Principal principal, ReconsiderationCase @case)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(@case);
        var organisation = principal.OrganisationId;
        var inScope = principal.Role switch
        {
            Role.Applicant => Is(@case.ApplicantUserId, principal.UserId),
            Role.IntakeClerk => Is(@case.IntakePointId, organisation),
            Role.CaseOfficer or Role.BodyHead => Is(@case.CompetentBodyId, organisation) || Is(@case.ReceivingBodyId, organisation),
            Role.AgencyStaff => Is(@case.RespondentAgencyId, organisation),
            Role.Supervisor => principal.HasRegionPath && @case.RegionPath.StartsWith(principal.OrganisationRegionPath, StringComparison.Ordinal),
            Role.Administrator => true,
            _ => false,
        };
        return inScope ? VisibilityWithinScope(principal.Role) : CaseVisibility.None;
    }

    /// <summary>How a role sees every case inside its scope: what lists show it as well as single cases.</summary>
    public static CaseVisibility VisibilityWithinScope(Role role) => role switch
    {
        Role.Applicant or Role.IntakeClerk or Role.CaseOfficer or Role.BodyHead => CaseVisibility.Full,
        Role.AgencyStaff => CaseVisibility.Respondent,
        _ => CaseVisibility.Masked,
    };

    /// <summary>The rows of lists, counts and statistics <paramref name="principal"/> may see; consistent with
    /// <see cref="VisibilityOf"/>.</summary>
    public static CaseScope ScopeOf(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var organisation = principal.OrganisationId;
        return principal.Role switch
        {
            Role.Applicant when Present(principal.UserId) => CaseScope.OfApplicant(principal.UserId),
            Role.IntakeClerk when Present(organisation) => CaseScope.OfIntakePoint(organisation),
            Role.CaseOfficer or Role.BodyHead when Present(organisation) => CaseScope.OfBody(organisation),
            Role.AgencyStaff when Present(organisation) => CaseScope.OfRespondent(organisation),
            Role.Supervisor when principal.HasRegionPath => CaseScope.OfRegion(principal.OrganisationRegionPath),
            Role.Administrator => CaseScope.Everything,
            _ => CaseScope.Nothing,
        };
    }

    /// <summary>
    /// Whether <paramref name="principal"/> may perform <paramref name="action"/> on <paramref name="case"/>:
    /// <see cref="AccessDecision.OutOfScope"/> when they may not see the case at all, <see cref="AccessDecision.Forbidden"/>
    /// when they see it but their role may not do this. Whether the case's state allows the action is the case's own
    /// question (<see cref="ReconsiderationCase.Handle"/>).
    /// </summary>
    public static AccessDecision MayPerform(Principal principal, CaseActionName action, ReconsiderationCase @case)
    {
        if (VisibilityOf(principal, @case) == CaseVisibility.None)
        {
            return AccessDecision.OutOfScope;
        }

        if (action == CaseActionName.ReceiveApplication || !RolesFor(action).Contains(principal.Role))
        {
            return AccessDecision.Forbidden;
        }

        // A body that only received the application forwards it; the competent body decides (Art. 24, 32).
        // The receiving body may still hand in the applicant's corrections it is given.
        var bodyStaff = principal.Role is Role.CaseOfficer or Role.BodyHead;
        return bodyStaff && @case.CompetentBodyId != principal.OrganisationId && action != CaseActionName.SubmitCorrection
            ? AccessDecision.Forbidden
            : AccessDecision.Allowed;
    }

    /// <summary>The actions the case allows now that <paramref name="principal"/> may perform: what to offer them.</summary>
    public static IReadOnlyList<CaseActionName> ActionsFor(Principal principal, ReconsiderationCase @case) =>
        VisibilityOf(principal, @case) == CaseVisibility.None
            ? []
            : [.. @case.AllowedActions().Where(a => MayPerform(principal, a, @case) == AccessDecision.Allowed)];

    /// <summary>
    /// Whether <paramref name="principal"/> may register <paramref name="application"/> at <paramref name="intakePoint"/>:
    /// an intake clerk at their own point, a case officer or head at a point that receives for their body, an
    /// applicant only online (through an online intake point, on the online channel). The intake directory is public,
    /// so a refusal is <see cref="AccessDecision.Forbidden"/>, never <see cref="AccessDecision.OutOfScope"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="intakePoint"/> is not the one the application names.</exception>
    public static AccessDecision MayReceive(Principal principal, ReceiveApplication application, Organisation intakePoint)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(intakePoint);
        if (!string.Equals(intakePoint.Id, application.IntakePointId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The intake point was resolved for another id than the application names.", nameof(intakePoint));
        }

        var organisation = principal.OrganisationId;
        var allowed = intakePoint.Kind == OrganisationKind.IntakePoint && principal.Role switch
        {
            Role.IntakeClerk => Is(intakePoint.Id, organisation),
            Role.CaseOfficer or Role.BodyHead => Is(intakePoint.BodyId, organisation),
            Role.Applicant => Present(principal.UserId)
                && intakePoint.IntakeKind == IntakePointKind.Online
                && application.Channel == ApplicationChannel.Online,
            _ => false,
        };
        return allowed ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>The applicant account a new case records (<see cref="ReceiptRouting.ApplicantUserId"/>): the
    /// principal's own when an applicant files for themselves, otherwise none.</summary>
    public static string? ApplicantUserIdFor(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Role == Role.Applicant && Present(principal.UserId) ? principal.UserId : null;
    }

    /// <summary>Organisations, regions, the calendar and the cluster: administrators only.</summary>
    public static bool MayAdminister(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Role == Role.Administrator;
    }

    private static bool Present(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool Is(string? value, string? expected) =>
        Present(expected) && string.Equals(value, expected, StringComparison.Ordinal);
}
