using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Time;
using CaseGrains.Domain.Workflow;
using CaseGrains.Grains.Calendar;
using CaseGrains.Grains.Organisations;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// One enforcement agency's record (办理一案、规范一片) as a virtual actor. Messages are applied to the record one at a time in
/// arrival order, which is what makes "one pattern, one notice" hold however many cases decide at once: the domain decides
/// against the record as it stands after every earlier message. They are committed in groups (group commit): the messages
/// that arrive while one commit is under way are applied together afterwards and committed once, with all the messages
/// they owe the notices (draft this pattern's notice, cite these cases; a notice's further cases in one message), so that
/// decisions against one busy agency do not wait one commit each. Every caller is answered only once its group is
/// durable; the owed messages are then delivered at once, and by the outbox relay if that fails. A commit stores the
/// record without its findings and its notices' citations and, as rows, the findings its group added or replaced and the
/// citations it added (<see cref="AgencyStorage"/>).
/// </summary>
public sealed class AgencyGrain(
    ISupervisionStore store,
    SupervisionDirectory directory,
    DirectoryCopy directoryCopy,
    SupervisionMessenger messenger,
    ICalendarSource calendars,
    IOptions<SupervisionOptions> options,
    PlatformClock clock,
    ILogger<AgencyGrain> logger) : Grain, IAgencyGrain
{
    private readonly List<QueuedAgencyCommand> waiting = [];
    private PatternRules? rules;
    private AgencyRecord? record;
    private long version;
    private bool committing;

    private string AgencyId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        rules = new PatternRules(options.Value.PatternRules);
        if (await store.LoadAgencyAsync(AgencyId, cancellationToken) is { } stored)
        {
            record = AgencyStorage.Read(stored);
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

    public Task<SystemCommandOutcome> Handle(AgencyCommand command)
    {
        var queued = new QueuedAgencyCommand(command);
        waiting.Add(queued);
        if (!committing)
        {
            // Turns of one activation never run at once, so the flag needs no lock; the loop runs in this activation's
            // context and ends, clearing the flag, in the same turn that finds the queue empty.
            committing = true;
            _ = CommitQueuedAsync();
        }

        return queued.Answered;
    }

    /// <summary>Commits what is queued, group by group, until nothing is; never throws (each caller hears its failure).</summary>
    private async Task CommitQueuedAsync()
    {
        try
        {
            while (waiting.Count > 0)
            {
                var group = waiting.ToList();
                waiting.Clear();
                try
                {
                    await CommitAsync(group);
                }
                catch (Exception e)
                {
                    group.ForEach(queued => queued.Failed(e));
                }
            }
        }
        finally
        {
            committing = false;
        }
    }

    /// <summary>Applies <paramref name="group"/> in order to the record as committed, commits the result once, delivers
    /// what it owes and answers each caller. A group owing more messages than one commit carries ends before the message
    /// that would overflow it; that message and those after it wait for the next group. Throws when the group could not be
    /// committed.</summary>
    private async Task CommitAsync(List<QueuedAgencyCommand> group)
    {
        if (await OpenAsync() is not { } state)
        {
            group.ForEach(queued => queued.Outcome = new(SystemCommandOutcomeKind.Refused, "agency_not_found"));
            group.ForEach(queued => queued.Answer());
            return;
        }

        var calendar = await calendars.GetAsync();
        var owed = new OwedPatterns();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var cited = new HashSet<StoredNoticeCitation>();
        var changed = false;
        for (var i = 0; i < group.Count; i++)
        {
            var queued = group[i];
            Transition<AgencyRecord, AgencyEvent> transition;
            try
            {
                transition = state.Handle(queued.Command, rules!, new CaseContext(clock.GetUtcNow(), calendar));
            }
            catch (Exception e)
            {
                // A message the record cannot take (none at all, an unknown kind) fails its caller only.
                queued.Failed(e);
                continue;
            }

            if (!transition.IsSuccess)
            {
                queued.Outcome = new(transition.IsUnchanged ? SystemCommandOutcomeKind.Unchanged : SystemCommandOutcomeKind.Refused, transition.Refusal.Code);
                continue;
            }

            IReadOnlyList<PatternMatch> patterns = transition.Event is FindingRecorded recorded ? recorded.Patterns : [];
            if (changed && owed.CountWith(patterns) > OutboxRules.MaxPerCommit)
            {
                waiting.InsertRange(0, group.GetRange(i, group.Count - i));
                group.RemoveRange(i, group.Count - i);
                break;
            }

            state = transition.State;
            if (transition.Event is FindingRecorded finding)
            {
                found.Add(finding.Finding.CaseId);
            }

            cited.UnionWith(AgencyStorage.Cited(transition.Event));

            owed.Add(state, patterns);
            changed = true;
            queued.Outcome = new(SystemCommandOutcomeKind.Recorded);
        }

        if (changed)
        {
            var messages = owed.Messages();
            try
            {
                await store.CommitAgencyAsync(new AgencyCommit(
                    AgencyId, version, AgencyStorage.Snapshot(state), clock.GetUtcNow(), messages, AgencyStorage.Rows(state, found), [.. cited]));
            }
            catch
            {
                // Another activation wrote first, or the outcome is unknown: start again from what is stored.
                DeactivateOnIdle();
                throw;
            }

            record = state;
            version++;
            if (options.Value.DeliverAtOnce && messages.Count > 0)
            {
                await messenger.DeliverAsync(messages);
            }
        }

        group.ForEach(queued => queued.Answer());
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
            current.Corrections,
            [.. current.Notices.Select(n => new AgencyNoticeView(
                n.Id, InstrumentIds.ForNotice(n.Id), n.Origin, [.. n.Flaws], [.. n.CitedCaseIds], n.DraftedOn, n.FinishedOn))]), null);
    }

    /// <summary>
    /// The record, opened empty for an agency of the directory that has none yet; null for anything else. An agency moved
    /// to another region since its record was opened (itself, or with its region) takes the new path from the silo's copy
    /// of the directory (at most a minute old), as its cases do: who may read the record, its pattern rule and the office
    /// that issues its notices follow the directory, and the next commit stores the path.
    /// </summary>
    private async Task<AgencyRecord?> OpenAsync()
    {
        if (record is null && await directory.AgencyAsync(AgencyId) is var (agency, path))
        {
            // A group may have committed while the directory was read (the messages interleave with reads).
            record ??= AgencyRecord.Open(agency, path);
        }
        else if (record is not null && await directoryCopy.RegionPathOfAgencyAsync(AgencyId) is { } current && current != record.RegionPath)
        {
            // Read the record again after the await: a group may have committed meanwhile, and its record must not be lost.
            record = record with { RegionPath = current };
        }

        return record;
    }
}
