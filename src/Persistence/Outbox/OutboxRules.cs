using CaseGrains.Persistence.Serialization;

namespace CaseGrains.Persistence.Outbox;

/// <summary>What every store checks of the outbox messages a commit carries, before anything is written.</summary>
public static class OutboxRules
{
    public const int MaxPerCommit = 64;

    /// <exception cref="ArgumentException">A message has a blank target or key, or a payload that is not a JSON object, or
    /// the commit carries more than <see cref="MaxPerCommit"/>.</exception>
    public static void Validate(IReadOnlyList<OutboxMessage>? messages)
    {
        if (messages is null)
        {
            return;
        }

        if (messages.Count > MaxPerCommit)
        {
            throw new ArgumentException($"A commit carries at most {MaxPerCommit} outbox messages.", nameof(messages));
        }

        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.TargetKind, nameof(messages));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.TargetId, nameof(messages));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.MessageKey, nameof(messages));
            if (JsonText.Problem(message.PayloadJson, objectOnly: true) is { } problem)
            {
                throw new ArgumentException($"An outbox message's payload is a JSON object: {problem}", nameof(messages));
            }
        }
    }
}
