namespace CaseGrains.Persistence.Notifications;

/// <summary>
/// One page of a user's inbox, newest first (by id). <see cref="Before"/> is the keyset cursor: only notifications with a
/// smaller id (null: from the newest); a page's <see cref="InboxPage.NextBefore"/> is the next page's. With
/// <see cref="UnreadOnly"/> only those the user has not read; with <see cref="CaseId"/> only that case's.
/// <see cref="Limit"/> is 1 to <see cref="MaxLimit"/>; anything else throws <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public sealed record InboxQuery
{
    public const int MaxLimit = 100;

    public long? Before { get; init; }

    public int Limit { get; init; } = 20;

    public bool UnreadOnly { get; init; }

    public string? CaseId { get; init; }
}
