namespace CaseGrains.Persistence.Notifications;

/// <summary>A page of an inbox (<see cref="InboxQuery"/>): its items newest first, and the cursor of the next page (null
/// when this is the last).</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, long? NextBefore);
