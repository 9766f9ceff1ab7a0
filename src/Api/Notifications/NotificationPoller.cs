using CaseGrains.Persistence.Notifications;
using Microsoft.Extensions.Options;

namespace CaseGrains.Api.Notifications;

/// <summary>
/// The gateway's one reader of the notification feed: starts the <see cref="NotificationHub"/> at the feed's head, then
/// every <see cref="NotificationStreamOptions.StreamPollMilliseconds"/> publishes whatever the feed has after the last
/// position, so the database sees one poll per gateway however many streams are open. A failed poll is logged and
/// retried at the next tick from the same position, so nothing is lost.
/// </summary>
public sealed partial class NotificationPoller(
    INotificationFeed feed,
    NotificationHub hub,
    IOptions<NotificationStreamOptions> options,
    ILogger<NotificationPoller> logger) : BackgroundService
{
    private const int PageSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.StreamPollMilliseconds));
        try
        {
            var position = await HeadAsync(timer, stoppingToken);
            hub.Start(position);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                position = await PollAsync(position, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The gateway is stopping.
        }
        finally
        {
            hub.Stop();
        }
    }

    /// <summary>The feed's head, asked again at every tick until the database answers.</summary>
    private async Task<NotificationPosition> HeadAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await feed.HeadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFeedUnavailable(logger, e.GetType().Name, e.Message);
            }

            await timer.WaitForNextTickAsync(stoppingToken);
        }
    }

    /// <summary>Publishes everything after <paramref name="position"/>, page by page; returns the new last position.</summary>
    private async Task<NotificationPosition> PollAsync(NotificationPosition position, CancellationToken stoppingToken)
    {
        try
        {
            IReadOnlyList<StoredNotification> page;
            do
            {
                page = await feed.ReadAfterAsync(position, PageSize, stoppingToken);
                if (page.Count > 0)
                {
                    hub.Publish(page);
                    position = page[^1].Position;
                }
            }
            while (page.Count == PageSize);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFeedUnavailable(logger, e.GetType().Name, e.Message);
        }

        return position;
    }

    // The reason is the exception's message: a database or network error, never a notification's content.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the notification feed failed, retrying at the next poll: {ExceptionType}: {Reason}")]
    private static partial void LogFeedUnavailable(ILogger logger, string exceptionType, string reason);
}
