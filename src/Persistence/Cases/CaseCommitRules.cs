using System.Text;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Serialization;

namespace CaseGrains.Persistence.Cases;

/// <summary>The checks and normalisations every <see cref="ICaseStore"/> applies, so all stores agree.</summary>
internal static class CaseCommitRules
{
    /// <summary>Throws <see cref="ArgumentException"/> unless the commit is well formed (see <see cref="CaseCommit"/>).</summary>
    public static void Validate(CaseCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(commit.Index, nameof(commit));
        ValidateChange(commit.CaseId, commit.ExpectedVersion, commit.SnapshotJson, commit.Entry, commit.Reminders, commit.Notifications, commit.Outbox);
        var newVersion = commit.ExpectedVersion + 1;
        if (!string.Equals(commit.Index.CaseId, commit.CaseId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The index entry is for case {commit.Index.CaseId}, not {commit.CaseId}.", nameof(commit));
        }

        if (commit.Index.Version != newVersion)
        {
            throw new ArgumentException($"The index entry's version {commit.Index.Version} must be the new version {newVersion}.", nameof(commit));
        }
    }

    /// <summary>The rules every subject's commit keeps, whatever its list row: a case's (<see cref="CaseCommit"/>) or a
    /// complaint's. Throws <see cref="ArgumentException"/> naming the first one broken.</summary>
    public static void ValidateChange(
        string subjectId,
        long expectedVersion,
        string snapshotJson,
        CaseHistoryEntry entry,
        IReadOnlyList<ScheduleEntry>? reminders,
        IReadOnlyList<NotificationDraft>? notifications,
        IReadOnlyList<Outbox.OutboxMessage>? outbox)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId, "commit");
        ArgumentNullException.ThrowIfNull(entry, "commit");
        if (expectedVersion < 0)
        {
            throw new ArgumentException($"Expected version {expectedVersion} is negative.", "commit");
        }

        var newVersion = expectedVersion + 1;
        if (entry.Sequence != newVersion)
        {
            throw new ArgumentException(
                $"The history entry's sequence {entry.Sequence} must be the new version {newVersion} (expected version + 1).",
                "commit");
        }

        if (entry.IdempotencyKey is { Length: 0 })
        {
            throw new ArgumentException("An idempotency key, when given, must not be empty.", "commit");
        }

        RequireJson(snapshotJson, "snapshot");
        RequireJson(entry.PayloadJson, "history payload");
        ValidateReminders(subjectId, reminders);
        ValidateNotifications(notifications);
        Outbox.OutboxRules.Validate(outbox);
    }

    /// <summary>The commit's schedule with every fire time normalised (<see cref="NormaliseInstant"/>); null when the
    /// commit leaves the schedule alone.</summary>
    public static IReadOnlyList<ScheduleEntry>? NormalisedReminders(CaseCommit commit) => NormalisedReminders(commit.Reminders);

    /// <summary>The schedule with every fire time normalised; null stays null.</summary>
    public static IReadOnlyList<ScheduleEntry>? NormalisedReminders(IReadOnlyList<ScheduleEntry>? reminders) =>
        reminders is null ? null : [.. reminders.Select(r => r with { FireAt = NormaliseInstant(r.FireAt) })];

    private static void ValidateReminders(string subjectId, IReadOnlyList<ScheduleEntry>? reminders)
    {
        if (reminders is null)
        {
            return;
        }

        var keys = new HashSet<(int, string)>();
        foreach (var reminder in reminders)
        {
            if (reminder is null)
            {
                throw new ArgumentException("A reminder entry is null.", "commit");
            }

            if (!string.Equals(reminder.CaseId, subjectId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A reminder entry is for case {reminder.CaseId}, not {subjectId}.", "commit");
            }

            if (reminder.DeadlineId < 0)
            {
                throw new ArgumentException($"A reminder entry's deadline id {reminder.DeadlineId} is negative.", "commit");
            }

            if (string.IsNullOrEmpty(reminder.Kind) || string.IsNullOrEmpty(reminder.Step))
            {
                throw new ArgumentException("A reminder entry must name its deadline kind and step.", "commit");
            }

            if (!keys.Add((reminder.DeadlineId, reminder.Step)))
            {
                throw new ArgumentException(
                    $"Two reminder entries for deadline {reminder.DeadlineId}, step {reminder.Step}.", "commit");
            }
        }
    }

    private static void ValidateNotifications(IReadOnlyList<NotificationDraft>? notifications)
    {
        if (notifications is null)
        {
            return;
        }

        if (notifications.Count > NotificationLimits.PerCommit)
        {
            throw new ArgumentException(
                $"A commit carries at most {NotificationLimits.PerCommit} notifications, not {notifications.Count}.", "commit");
        }

        for (var i = 0; i < notifications.Count; i++)
        {
            if (ProblemWith(notifications[i]) is { } problem)
            {
                throw new ArgumentException($"Notification {i}: {problem}", "commit");
            }
        }
    }

    /// <summary>What is wrong with a notification (<see cref="NotificationDraft"/>'s rules), or null.</summary>
    private static string? ProblemWith(NotificationDraft? notification)
    {
        if (notification is null)
        {
            return "it is null.";
        }

        var identifier = IdentifierProblem(notification.Kind, "kind", required: true)
            ?? IdentifierProblem(notification.RecipientUserId, "recipient user id", required: false)
            ?? IdentifierProblem(notification.RecipientOrganisationId, "recipient organisation id", required: false)
            ?? IdentifierProblem(notification.RecipientRole, "recipient role", required: false);
        if (identifier is not null)
        {
            return identifier;
        }

        if ((notification.RecipientUserId is null) == (notification.RecipientOrganisationId is null))
        {
            return "it must be addressed to exactly one of a user or an organisation.";
        }

        if (notification.RecipientRole is { } role)
        {
            if (notification.RecipientOrganisationId is null)
            {
                return "a recipient role narrows an organisation; a notification to a user has none.";
            }

            if (!NotificationRoles.IsKnown(role))
            {
                return $"the recipient role '{role}' is not a role name (camelCase, e.g. bodyHead).";
            }
        }

        if (string.IsNullOrWhiteSpace(notification.Title) || notification.Title.Length > NotificationLimits.Title)
        {
            return $"the title must be 1 to {NotificationLimits.Title} characters, not blank.";
        }

        if (string.IsNullOrWhiteSpace(notification.Text) || notification.Text.Length > NotificationLimits.Text)
        {
            return $"the text must be 1 to {NotificationLimits.Text} characters, not blank.";
        }

        return PayloadProblem(notification.PayloadJson);
    }

    private static string? IdentifierProblem(string? value, string what, bool required) => value switch
    {
        null when required => $"the {what} is missing.",
        null => null,
        { Length: 0 } => $"the {what}, when given, must not be empty.",
        { Length: > NotificationLimits.Identifier } => $"the {what} is longer than {NotificationLimits.Identifier} characters.",
        _ => null,
    };

    private static string? PayloadProblem(string? json)
    {
        if (json is null || Encoding.UTF8.GetByteCount(json) > NotificationLimits.PayloadBytes)
        {
            return $"the payload must be a JSON object of at most {NotificationLimits.PayloadBytes} bytes.";
        }

        return JsonText.Problem(json, objectOnly: true) is { } problem ? $"the payload must be a JSON object: {problem}" : null;
    }

    /// <summary>A UTC instant truncated to whole microseconds: what PostgreSQL's timestamptz keeps.</summary>
    public static DateTimeOffset NormaliseInstant(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>Throws unless <paramref name="json"/> is one JSON value; <paramref name="what"/> names it in the message.</summary>
    internal static void RequireJson(string? json, string what)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ArgumentException($"The {what} must be a JSON value.", "commit");
        }

        if (JsonText.Problem(json) is { } problem)
        {
            throw new ArgumentException($"The {what} is not valid JSON: {problem}", "commit");
        }
    }
}
