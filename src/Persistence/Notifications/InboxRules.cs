namespace CaseGrains.Persistence.Notifications;

/// <summary>The argument checks every <see cref="INotificationInbox"/> applies, so all inboxes agree.</summary>
internal static class InboxRules
{
    public static void Validate(NotificationRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrEmpty(recipient.UserId, nameof(recipient));
        ArgumentException.ThrowIfNullOrEmpty(recipient.OrganisationId, nameof(recipient));
    }

    public static void Validate(NotificationRecipient recipient, InboxQuery query)
    {
        Validate(recipient);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, InboxQuery.MaxLimit, nameof(query));
        if (query.Before is { } before)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(before, 1, nameof(query));
        }
    }
}
