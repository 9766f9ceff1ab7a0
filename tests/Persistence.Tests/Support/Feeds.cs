using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Persistence.Tests.Support;

/// <summary>
/// Reading a notification feed in tests. On PostgreSQL a committed notification becomes readable only once every older
/// transaction on the server has ended, and other test processes write to the same server, so a test waits for what it
/// expects instead of reading once. To show that nothing else was written, a test commits a last marker and waits for
/// it: every commit that ended before the marker started is readable once the marker is.
/// </summary>
public static class Feeds
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The whole feed after <paramref name="after"/>, read in pages of <paramref name="limit"/> as a poller does.</summary>
    public static async Task<List<StoredNotification>> ReadAllAsync(this INotificationFeed feed, NotificationPosition after, int limit = 100)
    {
        var read = new List<StoredNotification>();
        while (true)
        {
            var page = await feed.ReadAfterAsync(after, limit);
            Assert.True(page.Count <= limit);
            read.AddRange(page);
            if (page.Count < limit)
            {
                return read;
            }

            after = page[^1].Position;
        }
    }

    /// <summary>The whole feed once it holds at least <paramref name="count"/> notifications after <paramref name="after"/>.</summary>
    public static async Task<List<StoredNotification>> WaitForAsync(this INotificationFeed feed, int count, NotificationPosition after = default)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var read = await feed.ReadAllAsync(after);
            if (read.Count >= count || DateTime.UtcNow > deadline)
            {
                return read;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The whole feed once the notification titled <paramref name="marker"/>, the last one written, is in it.</summary>
    public static async Task<List<StoredNotification>> UpToMarkerAsync(this INotificationFeed feed, string marker)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var read = await feed.ReadAllAsync(NotificationPosition.Start);
            if (read.Exists(n => n.Title == marker) || DateTime.UtcNow > deadline)
            {
                return read;
            }

            await Task.Delay(20);
        }
    }
}
