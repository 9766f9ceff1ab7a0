using System.Text.Json;
using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Notifications;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Statistics;
using CaseGrains.Domain.Workflow;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Calendar;
using CaseGrains.Grains.Organisations;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Grains.Scheduling;
using CaseGrains.Grains.Supervision;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Grains.Cases;

/// <summary>
/// A reconsideration case as a virtual actor. It holds the case's state, checks every request against the
/// access policy, asks the domain to decide each action, and answers only after the change, its history entry, its
/// list row, its reminder schedule, the notifications it causes and the finding it owes its respondent's record
/// (<see cref="AgencyFinding.FromCase"/>, as an outbox message) are committed together. Personal data is encrypted
/// in everything it stores. The deadline scheduler drives it through <see cref="ICaseDeadlinesGrain"/>.
/// </summary>
public sealed class ReconsiderationCaseGrain(
    ICaseStore store,
    DirectoryCopy directory,
    ICalendarSource calendars,
    PersonalDataProtector protector,
    ReminderPolicy reminderPolicy,
    BackgroundDelivery delivery,
    CaseMetrics metrics,
    PlatformClock clock) : Grain, IReconsiderationCaseGrain, ICaseDeadlinesGrain
{
    /// <summary>Who the history names for the deadline machinery's changes.</summary>
    private const string SystemActor = "system";

    private CaseSnapshot? snapshot;
    private long version;

    /// <summary>Whether a user has asked for this activation. One the scheduler woke only to record a step is let go
    /// at once: a hundred thousand deadlines due in one minute must not keep a hundred thousand cases in memory.</summary>
    private bool servesUsers;

    private string CaseId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(CaseId, cancellationToken);
        if (stored is not null)
        {
            var protectedSnapshot = JsonSerializer.Deserialize<CaseSnapshot>(stored.SnapshotJson, DomainJson.Storage)
                ?? throw new InvalidOperationException($"Case {stored.CaseId} has an empty snapshot.");
            snapshot = protectedSnapshot with { Case = protector.Unprotect(protectedSnapshot.Case) };
            version = stored.Version;
        }
    }

    public async Task<CaseResult> Get(Principal principal)
    {
        servesUsers = true;
        await FollowRegionAsync();
        return Visibility(principal) == CaseVisibility.None
            ? CaseResult.Failed(CaseFailures.NotFound(CaseId))
            : CaseResult.Success(await ViewAsync(principal));
    }

    public async Task<CaseResult> Receive(ReceiveApplication application, CommandMetadata metadata)
    {
        servesUsers = true;
        if (snapshot is not null)
        {
            return await ReplayAsync(metadata) ?? CaseResult.Failed(CaseFailures.AlreadyExists(CaseId));
        }

        var routing = await directory.RouteAsync(application);
        if (routing.Failure is not null)
        {
            return CaseResult.Failed(routing.Failure);
        }

        var principal = metadata.Principal;
        if (CaseAccessPolicy.MayReceive(principal, application, routing.Routing!.IntakePoint) != AccessDecision.Allowed)
        {
            return CaseResult.Failed(CaseFailures.Forbidden(CaseActionName.ReceiveApplication));
        }

        var context = new CaseContext(clock.GetUtcNow(), await calendars.GetAsync());
        var route = routing.Routing with { ApplicantUserId = CaseAccessPolicy.ApplicantUserIdFor(principal) };
        return await CommitAsync(ReconsiderationCase.Receive(CaseId, application, route, context), reason: null, metadata);
    }

    public async Task<CaseResult> Perform(CaseCommand command, CommandMetadata metadata)
    {
        servesUsers = true;
        if (snapshot is null)
        {
            return CaseResult.Failed(CaseFailures.NotFound(CaseId));
        }

        await FollowRegionAsync();
        switch (CaseAccessPolicy.MayPerform(metadata.Principal, command.Action, snapshot.Case))
        {
            case AccessDecision.OutOfScope:
                return CaseResult.Failed(CaseFailures.NotFound(CaseId));
            case AccessDecision.Forbidden:
                return CaseResult.Failed(CaseFailures.Forbidden(command.Action));
        }

        if (await ReplayAsync(metadata) is { } replayed)
        {
            return replayed;
        }

        if (metadata.ExpectedVersion is { } expected && expected != version)
        {
            return CaseResult.Failed(CaseFailures.VersionMismatch(expected, version));
        }

        var context = new CaseContext(clock.GetUtcNow(), await calendars.GetAsync());
        return await CommitAsync(snapshot.Case.Handle(command, context), command.Reason, metadata, (command as Settle)?.CorrectedFlaws);
    }

    /// <summary>The answer to a retry: the request with this key was already applied with the same body.</summary>
    private async Task<CaseResult?> ReplayAsync(CommandMetadata metadata)
    {
        if (snapshot is null || metadata.IdempotencyKey is null || !snapshot.Requests.TryGetValue(metadata.IdempotencyKey, out var applied))
        {
            return null;
        }

        return applied.RequestHash == metadata.RequestHash
            ? CaseResult.Success(await ViewAsync(metadata.Principal), replayed: true)
            : CaseResult.Failed(CaseFailures.IdempotencyKeyReused(metadata.IdempotencyKey));
    }

    public Task<SystemCommandOutcome> FireReminder(FireReminder reminder) => RunSystemCommandAsync(reminder);

    // The activation has loaded the state; it stays until the step comes due (or idle collection takes it).
    public Task Preload() => Task.CompletedTask;

    public Task<SystemCommandOutcome> RecomputeDeadlines() => RunSystemCommandAsync(new RecomputeDeadlines());

    private async Task<SystemCommandOutcome> RunSystemCommandAsync(CaseCommand command)
    {
        if (snapshot is null)
        {
            DeactivateOnIdle();
            return new(SystemCommandOutcomeKind.Refused, "case_not_found");
        }

        await FollowRegionAsync();

        var transition = snapshot.Case.Handle(command, new CaseContext(clock.GetUtcNow(), await calendars.GetAsync()));
        SystemCommandOutcome outcome;
        if (transition.IsSuccess)
        {
            await WriteAsync(transition, reason: null, SystemActor, SystemActor, idempotency: null);
            outcome = new(SystemCommandOutcomeKind.Recorded, ChangedDeadlines: (transition.Event as DeadlinesRecomputed)?.Changes.Count ?? 0);
        }
        else
        {
            outcome = new(
                transition.IsUnchanged ? SystemCommandOutcomeKind.Unchanged
                    : transition.Refusal.Code == ReminderDelivery.NotDueCode ? SystemCommandOutcomeKind.NotDue
                    : SystemCommandOutcomeKind.Refused,
                transition.Refusal.Code);
        }

        if (!servesUsers)
        {
            DeactivateOnIdle();
        }

        return outcome;
    }

    private async Task<CaseResult> CommitAsync(CaseTransition transition, string? reason, CommandMetadata metadata, IReadOnlyList<FlawKind>? correctedFlaws = null)
    {
        if (!transition.IsSuccess)
        {
            return CaseResult.Failed(CaseFailures.From(transition.Refusal));
        }

        var idempotency = metadata.IdempotencyKey is { } key ? (key, new AppliedRequest(metadata.RequestHash, version + 1)) : ((string, AppliedRequest)?)null;
        try
        {
            await WriteAsync(transition, reason, metadata.Principal.UserId, metadata.Principal.OrganisationId, idempotency, correctedFlaws);
        }
        catch (ConcurrencyConflictException)
        {
            return CaseResult.Failed(CaseFailures.Conflict(transition.State.Id));
        }

        return CaseResult.Success(await ViewAsync(metadata.Principal));
    }

    /// <summary>Commits a successful transition — the snapshot, the history entry, the list row, the whole reminder
    /// schedule, the notices the event sends and the finding the respondent's record is owed, in one transaction — and
    /// only then takes it as the case's state. The finding then goes to the agency without holding the answer
    /// (<see cref="BackgroundDelivery"/>); if that fails, or the silo dies first, the outbox relay delivers it.</summary>
    private async Task WriteAsync(
        CaseTransition transition,
        string? reason,
        string actorUserId,
        string actorOrganisationId,
        (string Key, AppliedRequest Request)? idempotency,
        IReadOnlyList<FlawKind>? correctedFlaws = null)
    {
        var state = transition.State!;
        var requests = snapshot?.Requests ?? new Dictionary<string, AppliedRequest>();
        if (idempotency is var (key, request))
        {
            requests = new Dictionary<string, AppliedRequest>(requests) { [key] = request };
        }

        var next = new CaseSnapshot(state, requests);
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync();
        var entry = new CaseHistoryEntry(
            Sequence: version + 1,
            At: now,
            ActorUserId: actorUserId,
            ActorOrganisationId: actorOrganisationId,
            Action: EnumNames.Of(transition.Event!.Action),
            Reason: reason,
            PayloadJson: JsonSerializer.Serialize(protector.Protect(transition.Event), DomainJson.Storage),
            IdempotencyKey: idempotency?.Key);
        var commit = new CaseCommit(
            state.Id,
            version,
            JsonSerializer.Serialize(next with { Case = protector.Protect(state) }, DomainJson.Storage),
            CaseIndexing.EntryFor(state, version + 1, now),
            entry,
            ReminderSchedule.EntriesFor(state, reminderPolicy, calendar),
            await NotificationsForAsync(state, transition.Event),
            FindingsOwed(state, transition.Event, version + 1, correctedFlaws),
            CaseOutcome.Of(state));
        try
        {
            await store.AppendAsync(commit);
        }
        catch (ConcurrencyConflictException)
        {
            // Another activation wrote first (possible only around a silo failure): reload before the next request.
            DeactivateOnIdle();
            throw;
        }
        catch
        {
            // The outcome of the write is unknown; the next request must start from what is really stored.
            DeactivateOnIdle();
            throw;
        }

        snapshot = next;
        version++;
        metrics.Committed(entry.Action);
        delivery.Start(commit.Outbox);
    }

    private static IReadOnlyList<OutboxMessage> FindingsOwed(ReconsiderationCase state, CaseEvent @event, long newVersion, IReadOnlyList<FlawKind>? correctedFlaws) =>
        AgencyFinding.AfterChange(state, @event, newVersion, correctedFlaws) is { } finding ? [SupervisionMessages.Finding(finding)] : [];

    private async Task<IReadOnlyList<NotificationDraft>> NotificationsForAsync(ReconsiderationCase state, CaseEvent @event)
    {
        if (@event is not ReminderFired fired)
        {
            return [];
        }

        var supervisionOffice = fired.Audiences.Contains(NotificationAudience.SupervisionOffice)
            ? await directory.SupervisionOfficeForAsync(state.RegionPath)
            : null;
        // The consequence's own event stays in the history: notifications leave the platform by webhook, so they carry
        // only what the step is, never the case's content.
        var payload = JsonSerializer.Serialize<CaseEvent>(fired with { ConsequenceEvent = null }, DomainJson.Storage);
        return [.. ReminderNotices.For(state, fired, supervisionOffice).Select(notice => new NotificationDraft(
            "reminderFired",
            notice.Recipient.OrganisationId,
            notice.Recipient.Role is { } role ? EnumNames.Of(role) : null,
            notice.Recipient.UserId,
            notice.Title,
            notice.Text,
            payload))];
    }

    /// <summary>
    /// The case's region path as the directory holds it now (through the silo's copy, at most a minute old): a region
    /// moved since receipt takes its cases along, so that who may see a case, who is told of it and the list agree.
    /// The list's row moved with the region already; the snapshot takes the new path at the case's next commit. A move
    /// of the directory is not a change of the case, so it writes no history entry.
    /// </summary>
    private async ValueTask FollowRegionAsync()
    {
        if (snapshot is { } current
            && await directory.RegionPathOfAgencyAsync(current.Case.RespondentAgencyId) is { } path
            && path != current.Case.RegionPath)
        {
            snapshot = current with { Case = current.Case with { RegionPath = path } };
        }
    }

    private CaseVisibility Visibility(Principal principal) =>
        snapshot is null ? CaseVisibility.None : CaseAccessPolicy.VisibilityOf(principal, snapshot.Case);

    private async Task<CaseView> ViewAsync(Principal principal) =>
        CaseViews.Of(snapshot!.Case, version, principal, ChinaTime.Today(clock), await calendars.GetAsync());
}
