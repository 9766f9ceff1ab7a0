using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Cluster;

/// <summary>What both drain logs refuse, so that memory keeps only what PostgreSQL's checks would.</summary>
internal static class DrainLogRules
{
    public static void Validate(DrainRequestEntry request, DrainStatus status, string? refusal)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SiloId);
        ArgumentNullException.ThrowIfNull(request.SiloName);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RequestedBy);
        if (string.IsNullOrEmpty(request.Reason) || request.Reason.Length > DrainRequestEntry.MaxReasonLength)
        {
            throw new ArgumentException($"A drain's reason is 1 to {DrainRequestEntry.MaxReasonLength} characters.", nameof(request));
        }

        if (status is not (DrainStatus.Requested or DrainStatus.Refused) || (status == DrainStatus.Refused) != (refusal is not null))
        {
            throw new ArgumentException("A drain is recorded as requested, or as refused with the rule that refused it.", nameof(status));
        }
    }

    public static void ValidateAnswer(DrainStatus status)
    {
        if (status is not (DrainStatus.Draining or DrainStatus.Unreachable))
        {
            throw new ArgumentException("A silo's answer is that it is draining, or it was not reached.", nameof(status));
        }
    }

    /// <summary>An instant as PostgreSQL keeps it: UTC, whole microseconds.</summary>
    public static DateTimeOffset Instant(DateTimeOffset value) => CaseCommitRules.NormaliseInstant(value);
}
