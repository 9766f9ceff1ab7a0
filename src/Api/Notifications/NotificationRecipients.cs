using CaseGrains.Domain.Access;
using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Api.Notifications;

/// <summary>Whose inbox a request reads: always the caller's own, as their token names them.</summary>
public static class NotificationRecipients
{
    public static NotificationRecipient Of(Principal principal) => new(principal.UserId, principal.OrganisationId, principal.Role);
}
