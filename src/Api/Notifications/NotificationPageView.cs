namespace CaseGrains.Api.Notifications;

/// <summary>A page of the inbox, newest first; <see cref="NextBefore"/> is the <c>before</c> of the next page, absent on
/// the last.</summary>
public sealed record NotificationPageView(IReadOnlyList<NotificationView> Items, long? NextBefore);
