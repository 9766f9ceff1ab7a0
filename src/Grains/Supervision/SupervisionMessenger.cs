using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Persistence.Outbox;
using Microsoft.Extensions.Logging;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// Delivers outbox messages to their grains and deletes each one its target took. A target takes a message when it
/// recorded it or had nothing to do (a repeat); it leaves it when it is not ready (a notice's further cases before the
/// notice exists) or the call failed, and the relay tries again. A message the target refuses outright (malformed) is
/// logged and deleted, since delivering it again cannot help.
/// </summary>
public sealed class SupervisionMessenger(GrainReferences grains, ISupervisionOutbox outbox, ILogger<SupervisionMessenger> logger)
{
    /// <summary>Delivers the messages in order; answers how many were taken. Never throws for a failed delivery.</summary>
    public async Task<int> DeliverAsync(IEnumerable<OutboxMessage> messages)
    {
        var taken = 0;
        foreach (var message in messages)
        {
            try
            {
                var outcome = await SendAsync(message);
                if (outcome.Kind == SystemCommandOutcomeKind.NotDue)
                {
                    continue;
                }

                if (outcome.Kind == SystemCommandOutcomeKind.Refused)
                {
                    logger.LogWarning("{TargetKind} {TargetId} refused outbox message {MessageKey} ({Code}); it is dropped",
                        message.TargetKind, message.TargetId, message.MessageKey, outcome.Code);
                }

                await outbox.AcknowledgeAsync(message);
                taken++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not deliver outbox message {MessageKey} to {TargetKind} {TargetId}; the relay will try again",
                    message.MessageKey, message.TargetKind, message.TargetId);
            }
        }

        return taken;
    }

    private Task<SystemCommandOutcome> SendAsync(OutboxMessage message) => message.TargetKind switch
    {
        OutboxTargets.Agency => grains.Get<IAgencyGrain>(message.TargetId).Handle(SupervisionMessages.AgencyCommandOf(message)),
        OutboxTargets.Instrument => grains.Get<IInstrumentSystemGrain>(message.TargetId).DeliverPattern(SupervisionMessages.PatternOf(message)),
        _ => Task.FromResult(new SystemCommandOutcome(SystemCommandOutcomeKind.Refused, "unknown_target_kind")),
    };
}
