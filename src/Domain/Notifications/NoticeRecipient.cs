using CaseGrains.Domain.Access;

namespace CaseGrains.Domain.Notifications;

/// <summary>Who a notice is for: one user, or one organisation — all its members, or only those with
/// <see cref="Role"/>.</summary>
public sealed record NoticeRecipient
{
    private NoticeRecipient(string? organisationId, Role? role, string? userId) =>
        (OrganisationId, Role, UserId) = (organisationId, role, userId);

    public string? OrganisationId { get; }

    public Role? Role { get; }

    public string? UserId { get; }

    public static NoticeRecipient Organisation(string organisationId, Role? role = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(organisationId);
        return new(organisationId, role, null);
    }

    public static NoticeRecipient User(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return new(null, null, userId);
    }
}
