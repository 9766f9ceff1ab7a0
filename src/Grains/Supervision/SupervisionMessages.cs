using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Outbox;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// The outbox messages of enforcement supervision, each with a key that is the same whenever the same fact is enqueued
/// again, so the outbox keeps one. This is how any subject hands its finding to its agency: its commit carries
/// <see cref="Finding"/> (a reconsideration case on its decision or self-corrected ending; an enforcement complaint when it
/// is substantiated), and the relay delivers it to <see cref="IAgencyGrain"/> until the agency has it.
/// </summary>
public static class SupervisionMessages
{
    /// <summary>A finding for the agency it is against, keyed by its source and the source's version.</summary>
    public static OutboxMessage Finding(AgencyFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return ToAgency(finding.AgencyId, $"finding:{finding.CaseId}:{finding.SourceVersion}", new RecordFinding { Finding = finding });
    }

    /// <summary>A converted case's notice, for the agency's record to track.</summary>
    public static OutboxMessage TrackNotice(string agencyId, TrackNotice track)
    {
        ArgumentNullException.ThrowIfNull(track);
        return ToAgency(agencyId, $"trackNotice:{track.NoticeId}", track);
    }

    /// <summary>A notice stopped absorbing cases.</summary>
    public static OutboxMessage NoticeFinished(string agencyId, string noticeId) =>
        ToAgency(agencyId, $"noticeFinished:{noticeId}", new RecordNoticeFinished { NoticeId = noticeId });

    /// <summary>A pattern for its notice: draft it, or cite its further cases.</summary>
    public static OutboxMessage Pattern(PatternDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var match = delivery.Match;
        var cited = string.Join("\n", match.Cited.Select(c => c.CaseId));
        var key = $"pattern:{match.NoticeId}:{(match.DraftsNotice ? "draft" : "cite")}:"
            + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cited)).AsSpan(0, 8));
        return new BuiltOutboxMessage<PatternDelivery>(
            OutboxTargets.Instrument, InstrumentIds.ForNotice(match.NoticeId), key, JsonSerializer.Serialize(delivery, DomainJson.Storage), delivery);
    }

    public static AgencyCommand AgencyCommandOf(OutboxMessage message) => PayloadOf<AgencyCommand>(message, "command");

    public static PatternDelivery PatternOf(OutboxMessage message) => PayloadOf<PatternDelivery>(message, "pattern");

    private static OutboxMessage ToAgency(string agencyId, string key, AgencyCommand command) =>
        new BuiltOutboxMessage<AgencyCommand>(OutboxTargets.Agency, agencyId, key, JsonSerializer.Serialize(command, DomainJson.Storage), command);

    private static T PayloadOf<T>(OutboxMessage message, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        return message is BuiltOutboxMessage<T> built
            ? built.Payload
            : JsonSerializer.Deserialize<T>(message.PayloadJson, DomainJson.Storage)
                ?? throw new InvalidOperationException($"Outbox message {message.MessageKey} has no {what}.");
    }
}
