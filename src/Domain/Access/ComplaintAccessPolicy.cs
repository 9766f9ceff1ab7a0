using System.Collections.Frozen;
using CaseGrains.Domain.Complaints;

namespace CaseGrains.Domain.Access;

/// <summary>
/// Who may see and handle enforcement complaints (投诉举报). They are the supervision offices' work: a supervisor
/// (行政执法监督人员) registers a complaint about an agency in their own region or below, and it goes to the office that
/// supervises the agency's region (<see cref="Organisations.SupervisingOffice"/>). That office's supervisors carry it
/// through (verify or reject, handle, answer, close) and see the complainant in full; supervisors of the regions above
/// watch it with the complainant masked, and so do administrators. Nobody else sees a complaint at all: not the agency
/// complained of, whose staff must never learn who complained (举报人保护), and not the reconsideration bodies.
/// </summary>
public static class ComplaintAccessPolicy
{
    /// <summary>The actions a handling office's supervisor may take; the system action has no row on purpose, so no
    /// token may send it.</summary>
    private static readonly FrozenSet<ComplaintActionName> HandlingActions = new[]
    {
        ComplaintActionName.VerifyComplaint,
        ComplaintActionName.RejectComplaint,
        ComplaintActionName.HandleComplaint,
        ComplaintActionName.AnswerComplainant,
        ComplaintActionName.CloseComplaint,
    }.ToFrozenSet();

    /// <summary>How much of <paramref name="complaint"/> <paramref name="principal"/> may see.</summary>
    public static CaseVisibility VisibilityOf(Principal principal, EnforcementComplaint complaint)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(complaint);
        var inRegion = principal.HasRegionPath && complaint.RegionPath.StartsWith(principal.OrganisationRegionPath, StringComparison.Ordinal);
        return principal.Role switch
        {
            Role.Supervisor when inRegion => IsHandlingOffice(principal, complaint) ? CaseVisibility.Full : CaseVisibility.Masked,
            Role.Administrator => CaseVisibility.Masked,
            _ => CaseVisibility.None,
        };
    }

    /// <summary>The rows of complaint lists <paramref name="principal"/> may see; consistent with <see cref="VisibilityOf"/>
    /// (the handling office always supervises a region on the complaint's own path, so its supervisors are in it).</summary>
    public static ComplaintScope ScopeOf(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Role switch
        {
            Role.Supervisor when principal.HasRegionPath => ComplaintScope.OfRegion(principal.OrganisationRegionPath),
            Role.Administrator => ComplaintScope.Everything,
            _ => ComplaintScope.Nothing,
        };
    }

    /// <summary>Whether <paramref name="principal"/> may take <paramref name="action"/> on <paramref name="complaint"/>:
    /// <see cref="AccessDecision.OutOfScope"/> when they may not see it, <see cref="AccessDecision.Forbidden"/> when they see
    /// it but are not of the handling office. Whether its state allows the action is the complaint's own question.</summary>
    public static AccessDecision MayPerform(Principal principal, ComplaintActionName action, EnforcementComplaint complaint)
    {
        if (VisibilityOf(principal, complaint) == CaseVisibility.None)
        {
            return AccessDecision.OutOfScope;
        }

        return principal.Role == Role.Supervisor && IsHandlingOffice(principal, complaint) && HandlingActions.Contains(action)
            ? AccessDecision.Allowed
            : AccessDecision.Forbidden;
    }

    /// <summary>The actions the complaint allows now that <paramref name="principal"/> may take.</summary>
    public static IReadOnlyList<ComplaintActionName> ActionsFor(Principal principal, EnforcementComplaint complaint) =>
        VisibilityOf(principal, complaint) == CaseVisibility.None
            ? []
            : [.. complaint.AllowedActions().Where(a => MayPerform(principal, a, complaint) == AccessDecision.Allowed)];

    /// <summary>Whether <paramref name="principal"/> may register a complaint about an agency whose region has the path
    /// <paramref name="agencyRegionPath"/>: a supervisor, for an agency in their own region or below. The directory is
    /// public, so a refusal is <see cref="AccessDecision.Forbidden"/>.</summary>
    public static AccessDecision MayReceive(Principal principal, string agencyRegionPath)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(agencyRegionPath);
        return principal.Role == Role.Supervisor && principal.HasRegionPath
            && agencyRegionPath.StartsWith(principal.OrganisationRegionPath, StringComparison.Ordinal)
                ? AccessDecision.Allowed
                : AccessDecision.Forbidden;
    }

    private static bool IsHandlingOffice(Principal principal, EnforcementComplaint complaint) =>
        !string.IsNullOrWhiteSpace(principal.OrganisationId) && string.Equals(principal.OrganisationId, complaint.HandlingOfficeId, StringComparison.Ordinal);
}
