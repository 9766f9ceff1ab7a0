using System.Text.Json;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Supervision;
using CaseGrains.Grains.Calendar;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// One enforcement agency's record (办理一案、规范一片) as a virtual actor. It takes findings and notice messages one at a
/// time, which is what makes "one pattern, one notice" hold however many cases decide at once: the domain decides
/// against the record as it stands after every earlier message. Each change is committed with the messages it owes the
/// notices (draft this pattern's notice, cite these cases) in one transaction, and only then answered; those messages are
/// then delivered at once, and by the outbox relay if that fails.
/// </summary>
public sealed class AgencyGrain(
    ISupervisionStore store,
    SupervisionDirectory directory,
    SupervisionMessenger messenger,
    ICalendarSource calendars,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    ILogger<AgencyGrain> logger) : Grain, IAgencyGrain
{
    private PatternRules? rules;
    private AgencyRecord? record;
    private long version;

    private string AgencyId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        rules = new PatternRules(options.Value.PatternRules);
        if (await store.LoadAgencyAsync(AgencyId, cancellationToken) is { } stored)
        {
            record = JsonSerializer.Deserialize<AgencyRecord>(stored.SnapshotJson, DomainJson.Storage)
                ?? throw new InvalidOperationException($"Agency {AgencyId} has an empty record.");
            version = stored.Version;
        }
    }

    public async Task RecordFinding(AgencyFinding finding)
    {
        var outcome = await Handle(new RecordFinding { Finding = finding });
        if (outcome.Kind == SystemCommandOutcomeKind.Refused)
        {
            logger.LogWarning("Agency {AgencyId} refused a finding of {SourceId} ({Code})", AgencyId, finding?.CaseId, outcome.Code);
        }
    }

    public async Task<SystemCommandOutcome> Handle(AgencyCommand command)
    {
        if (await OpenAsync() is not { } current)
        {
            return new(SystemCommandOutcomeKind.Refused, "agency_not_found");
        }

        var transition = current.Handle(command, rules!, new CaseContext(clock.GetUtcNow(), await calendars.GetAsync()));
        if (!transition.IsSuccess)
        {
            return new(transition.IsUnchanged ? SystemCommandOutcomeKind.Unchanged : SystemCommandOutcomeKind.Refused, transition.Refusal.Code);
        }

        var state = transition.State;
        IReadOnlyList<OutboxMessage> owed = transition.Event is FindingRecorded recorded
            ? [.. recorded.Patterns.Select(match => SupervisionMessages.Pattern(new PatternDelivery(state with { Findings = [] }, match)))]
            : [];
        try
        {
            await store.CommitAgencyAsync(new AgencyCommit(AgencyId, version, JsonSerializer.Serialize(state, DomainJson.Storage), clock.GetUtcNow(), owed));
        }
        catch
        {
            // Another activation wrote first, or the outcome is unknown: start again from what is stored.
            DeactivateOnIdle();
            throw;
        }

        record = state;
        version++;
        if (options.Value.DeliverAtOnce && owed.Count > 0)
        {
            await messenger.DeliverAsync(owed);
        }

        return new(SystemCommandOutcomeKind.Recorded);
    }

    public async Task<AgencyResult> Get(Principal principal)
    {
        var current = await OpenAsync();
        if (current is null || !InstrumentAccessPolicy.MaySeeAgency(principal, current))
        {
            return new(null, new CaseFailure(CaseFailureKind.NotFound, "agency_not_found", "执法机关不存在", $"No agency '{AgencyId}' is in your scope."));
        }

        return new(new AgencyView(
            current.Id,
            current.Name,
            current.RegionPath,
            version,
            new Dictionary<FlawKind, int>(current.FlawCounts()),
            current.CorrectionRate(),
            current.Findings.Count,
            current.Findings.Count(f => f.IsCorrection),
            [.. current.Notices.Select(n => new AgencyNoticeView(
                n.Id, InstrumentIds.ForNotice(n.Id), n.Origin, [.. n.Flaws], [.. n.CitedCaseIds], n.DraftedOn, n.FinishedOn))]), null);
    }

    /// <summary>The record, opened empty for an agency of the directory that has none yet; null for anything else.</summary>
    private async Task<AgencyRecord?> OpenAsync()
    {
        if (record is null && await directory.AgencyAsync(AgencyId) is var (agency, path))
        {
            record = AgencyRecord.Open(agency, path);
        }

        return record;
    }
}
