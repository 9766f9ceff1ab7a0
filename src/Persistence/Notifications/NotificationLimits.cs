using CaseGrains.Domain.Cases;

namespace CaseGrains.Persistence.Notifications;

/// <summary>How large a notification may be (<see cref="NotificationDraft"/>): identifiers and the kind as long as the
/// case record's identifiers, the text as long as its texts, a title one line, the payload a small JSON object, and a
/// commit a bounded number of them.</summary>
public static class NotificationLimits
{
    /// <summary>Kind, organisation, role and user ids, in characters.</summary>
    public const int Identifier = TextLimits.Identifier;

    public const int Title = 200;

    public const int Text = TextLimits.Text;

    /// <summary>The payload's JSON text in UTF-8 bytes.</summary>
    public const int PayloadBytes = 16 * 1024;

    /// <summary>Notifications one commit may carry.</summary>
    public const int PerCommit = 100;
}
