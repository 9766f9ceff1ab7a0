using System.Globalization;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Notifications;
using static CaseGrains.Api.Http.QueryParameters;

namespace CaseGrains.Api.Notifications;

/// <summary>
/// The caller's notification inbox and its live stream. Any authenticated user has one, and only ever sees their own:
/// what is addressed to them, to their organisation, or to their organisation and role
/// (<see cref="NotificationRecipient.Sees"/>). A notification outside it answers 404, as if it did not exist.
/// </summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequirePrincipal();
        notifications.MapGet("/", ListAsync).WithSummary("Your notifications, newest first (unread, caseId, before, pageSize)");
        notifications.MapGet("/unread-count", UnreadCountAsync).WithSummary("How many of your notifications you have not read");
        notifications.MapGet("/stream", NotificationStreamEndpoint.StreamAsync)
            .WithSummary("Your new notifications as Server-Sent Events; resumes after Last-Event-ID")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        notifications.MapPost("/{notificationId}/read", MarkReadAsync).WithSummary("Mark one of your notifications read (idempotent)");
        notifications.MapPost("/read-all", MarkAllReadAsync).WithSummary("Mark all your notifications read");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, INotificationInbox inbox, CancellationToken cancellationToken)
    {
        var q = http.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var query = new InboxQuery
        {
            UnreadOnly = Parse<bool?>(q, "unread", errors, Boolean) ?? false,
            CaseId = Text(q, "caseId", errors),
            Before = Parse<long?>(q, "before", errors, raw => LongNumber(raw, 1, long.MaxValue)),
            Limit = Parse<int?>(q, "pageSize", errors, raw => Number(raw, 1, InboxQuery.MaxLimit)) ?? 20,
        };
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var page = await inbox.ListAsync(NotificationRecipients.Of(http.GetPrincipal()), query, cancellationToken);
        return Results.Ok(new NotificationPageView([.. page.Items.Select(NotificationView.Of)], page.NextBefore));
    }

    private static async Task<IResult> UnreadCountAsync(HttpContext http, INotificationInbox inbox, CancellationToken cancellationToken) =>
        Results.Ok(new { unread = await inbox.CountUnreadAsync(NotificationRecipients.Of(http.GetPrincipal()), cancellationToken) });

    private static async Task<IResult> MarkReadAsync(
        string notificationId, HttpContext http, INotificationInbox inbox, PlatformClock clock, CancellationToken cancellationToken)
    {
        // An id that is not a number names no notification: the same 404 as one outside the inbox.
        var marked = long.TryParse(notificationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await inbox.MarkReadAsync(NotificationRecipients.Of(http.GetPrincipal()), id, clock.GetUtcNow(), cancellationToken);
        return marked
            ? Results.NoContent()
            : Results.Problem(Problems.Create(StatusCodes.Status404NotFound, "notification_not_found", "通知不存在",
                "No notification with this id is in your inbox."));
    }

    private static async Task<IResult> MarkAllReadAsync(HttpContext http, INotificationInbox inbox, PlatformClock clock, CancellationToken cancellationToken) =>
        Results.Ok(new { marked = await inbox.MarkAllReadAsync(NotificationRecipients.Of(http.GetPrincipal()), clock.GetUtcNow(), cancellationToken) });
}
