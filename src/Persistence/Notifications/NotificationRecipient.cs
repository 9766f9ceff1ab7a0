using CaseGrains.Domain.Access;

namespace CaseGrains.Persistence.Notifications;

/// <summary>
/// A user as their inbox sees them: their account, organisation and role (from the request's principal). The rule of
/// who sees a notification is <see cref="Sees"/>; the PostgreSQL inbox states the same rule in SQL.
/// </summary>
public sealed record NotificationRecipient(string UserId, string OrganisationId, Role Role)
{
    public string RoleName => NotificationRoles.NameOf(Role);

    /// <summary>Addressed to this user; or, when addressed to an organisation, to this user's organisation with no role
    /// or with this user's role.</summary>
    public bool Sees(StoredNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.RecipientUserId is { } user
            ? string.Equals(user, UserId, StringComparison.Ordinal)
            : string.Equals(notification.RecipientOrganisationId, OrganisationId, StringComparison.Ordinal)
              && (notification.RecipientRole is null || string.Equals(notification.RecipientRole, RoleName, StringComparison.Ordinal));
    }
}
