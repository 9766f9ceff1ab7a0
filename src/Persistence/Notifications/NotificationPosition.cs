using System.Globalization;

namespace CaseGrains.Persistence.Notifications;

/// <summary>
/// Where a notification stands in the feed (<see cref="INotificationFeed"/>): ordered by <see cref="Transaction"/>, then
/// <see cref="Id"/>. It is not the id alone because ids are handed out when rows are inserted, not when they commit: on
/// PostgreSQL a transaction holding id 5 can commit after one holding id 6, so a reader resuming "after id 6" would
/// skip 5 for ever. <see cref="Transaction"/> is the writing transaction's 64-bit id on PostgreSQL and a commit counter
/// in memory; either way every notification that becomes readable later has a greater position than any already read.
/// The text form (<see cref="ToString"/>, e.g. <c>812-5</c>) is what the live stream sends as an event id and takes
/// back as <c>Last-Event-ID</c>.
/// </summary>
public readonly record struct NotificationPosition(long Transaction, long Id) : IComparable<NotificationPosition>
{
    /// <summary>Before every notification: a reader that starts here reads the whole feed.</summary>
    public static NotificationPosition Start { get; }

    public int CompareTo(NotificationPosition other)
    {
        var byTransaction = Transaction.CompareTo(other.Transaction);
        return byTransaction != 0 ? byTransaction : Id.CompareTo(other.Id);
    }

    public static bool operator <(NotificationPosition left, NotificationPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(NotificationPosition left, NotificationPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(NotificationPosition left, NotificationPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(NotificationPosition left, NotificationPosition right) => left.CompareTo(right) >= 0;

    /// <summary>The text form: the two numbers in decimal, joined by a hyphen.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Transaction}-{Id}");

    /// <summary>Reads the text form; false for anything else (signs, spaces, numbers out of range).</summary>
    public static bool TryParse(string? text, out NotificationPosition position)
    {
        position = Start;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        position = new NotificationPosition(transaction, id);
        return true;
    }
}
