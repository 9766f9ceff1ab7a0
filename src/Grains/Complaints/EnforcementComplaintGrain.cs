using System.Text.Json;
using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Complaints;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Notifications;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Time;
using CaseGrains.Domain.Workflow;
using CaseGrains.Grains.Calendar;
using CaseGrains.Grains.Cases;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Grains.Supervision;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Organisations;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Complaints;

/// <summary>
/// An enforcement complaint (投诉举报) as a virtual actor, built as the case grain is: it checks every request against
/// <see cref="ComplaintAccessPolicy"/>, asks the domain to decide, and answers only after the change, its history entry,
/// its list row, its reminder schedule and its notices are committed together; the complainant's name and phone are
/// sealed in all it stores. The deadline scheduler drives the answer period through <see cref="IComplaintDeadlinesGrain"/>.
/// A substantiated complaint is a finding against the agency (<see cref="EnforcementComplaint.Finding"/>): the commit that
/// records the handling puts it into the supervision outbox, and the agency's grain gets it right after the answer
/// (<see cref="BackgroundDelivery"/>) or from the relay, counting it toward its patterns like a corrected case.
/// </summary>
public sealed class EnforcementComplaintGrain(
    IComplaintStore store,
    IOrganisationDirectory directory,
    ICalendarSource calendars,
    PersonalDataProtector protector,
    ReminderPolicy reminderPolicy,
    IOptions<ComplaintOptions> options,
    BackgroundDelivery delivery,
    PlatformClock clock) : Grain, IEnforcementComplaintGrain, IComplaintDeadlinesGrain
{
    private const string SystemActor = "system";

    private ComplaintSnapshot? snapshot;
    private long version;

    /// <summary>Whether a user asked for this activation; one the scheduler woke only to record a step is let go at once.</summary>
    private bool servesUsers;

    private string ComplaintId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await store.LoadAsync(ComplaintId, cancellationToken) is { } stored)
        {
            var sealedSnapshot = JsonSerializer.Deserialize<ComplaintSnapshot>(stored.SnapshotJson, DomainJson.Storage)
                ?? throw new InvalidOperationException($"Complaint {stored.ComplaintId} has an empty snapshot.");
            snapshot = sealedSnapshot with { Complaint = protector.Unprotect(sealedSnapshot.Complaint) };
            version = stored.Version;
        }
    }

    public async Task<ComplaintResult> Get(Principal principal)
    {
        servesUsers = true;
        return snapshot is null || ComplaintAccessPolicy.VisibilityOf(principal, snapshot.Complaint) == CaseVisibility.None
            ? ComplaintResult.Failed(ComplaintFailures.NotFound(ComplaintId))
            : ComplaintResult.Success(await ViewAsync(principal));
    }

    public async Task<ComplaintResult> Receive(ReceiveComplaint complaint, CommandMetadata metadata)
    {
        servesUsers = true;
        if (snapshot is not null)
        {
            return await ReplayAsync(metadata) ?? ComplaintResult.Failed(ComplaintFailures.AlreadyExists(ComplaintId));
        }

        var (routing, failure) = await ComplaintRouter.RouteAsync(complaint, directory);
        if (failure is not null)
        {
            return ComplaintResult.Failed(failure);
        }

        if (ComplaintAccessPolicy.MayReceive(metadata.Principal, routing!.RegionPath) != AccessDecision.Allowed)
        {
            return ComplaintResult.Failed(ComplaintFailures.Forbidden(ComplaintActionName.ReceiveComplaint));
        }

        var context = new CaseContext(clock.GetUtcNow(), await calendars.GetAsync());
        var period = ComplaintPeriods.Answer(options.Value.AnswerDays);
        return await CommitAsync(EnforcementComplaint.Receive(ComplaintId, complaint, routing, period, context), reason: null, metadata);
    }

    public async Task<ComplaintResult> Perform(ComplaintCommand command, CommandMetadata metadata)
    {
        servesUsers = true;
        if (snapshot is null)
        {
            return ComplaintResult.Failed(ComplaintFailures.NotFound(ComplaintId));
        }

        switch (ComplaintAccessPolicy.MayPerform(metadata.Principal, command.Action, snapshot.Complaint))
        {
            case AccessDecision.OutOfScope:
                return ComplaintResult.Failed(ComplaintFailures.NotFound(ComplaintId));
            case AccessDecision.Forbidden:
                return ComplaintResult.Failed(ComplaintFailures.Forbidden(command.Action));
        }

        if (await ReplayAsync(metadata) is { } replayed)
        {
            return replayed;
        }

        if (metadata.ExpectedVersion is { } expected && expected != version)
        {
            return ComplaintResult.Failed(ComplaintFailures.VersionMismatch(expected, version));
        }

        var context = new CaseContext(clock.GetUtcNow(), await calendars.GetAsync());
        return await CommitAsync(snapshot.Complaint.Handle(command, context), command.Reason, metadata);
    }

    // The activation has loaded the state; it stays until the step comes due (or idle collection takes it).
    public Task Preload() => Task.CompletedTask;

    public async Task<SystemCommandOutcome> FireReminder(FireComplaintReminder reminder)
    {
        if (snapshot is null)
        {
            DeactivateOnIdle();
            return new(SystemCommandOutcomeKind.Refused, "complaint_not_found");
        }

        var transition = snapshot.Complaint.Handle(reminder, new CaseContext(clock.GetUtcNow(), await calendars.GetAsync()));
        SystemCommandOutcome outcome;
        if (transition.IsSuccess)
        {
            await WriteAsync(transition, reason: null, SystemActor, SystemActor, idempotency: null);
            outcome = new(SystemCommandOutcomeKind.Recorded);
        }
        else
        {
            outcome = new(
                transition.IsUnchanged ? SystemCommandOutcomeKind.Unchanged
                    : transition.Refusal!.Code == ReminderDelivery.NotDueCode ? SystemCommandOutcomeKind.NotDue
                    : SystemCommandOutcomeKind.Refused,
                transition.Refusal!.Code);
        }

        if (!servesUsers)
        {
            DeactivateOnIdle();
        }

        return outcome;
    }

    private async Task<ComplaintResult?> ReplayAsync(CommandMetadata metadata)
    {
        if (snapshot is null || metadata.IdempotencyKey is null || !snapshot.Requests.TryGetValue(metadata.IdempotencyKey, out var applied))
        {
            return null;
        }

        return applied.RequestHash == metadata.RequestHash
            ? ComplaintResult.Success(await ViewAsync(metadata.Principal), replayed: true)
            : ComplaintResult.Failed(ComplaintFailures.IdempotencyKeyReused(metadata.IdempotencyKey));
    }

    private async Task<ComplaintResult> CommitAsync(Transition<EnforcementComplaint, ComplaintEvent> transition, string? reason, CommandMetadata metadata)
    {
        if (!transition.IsSuccess)
        {
            return ComplaintResult.Failed(ComplaintFailures.From(transition.Refusal!));
        }

        var idempotency = metadata.IdempotencyKey is { } key ? (key, new AppliedRequest(metadata.RequestHash, version + 1)) : ((string, AppliedRequest)?)null;
        try
        {
            await WriteAsync(transition, reason, metadata.Principal.UserId, metadata.Principal.OrganisationId, idempotency);
        }
        catch (ConcurrencyConflictException)
        {
            return ComplaintResult.Failed(ComplaintFailures.Conflict(ComplaintId));
        }

        return ComplaintResult.Success(await ViewAsync(metadata.Principal));
    }

    /// <summary>Commits a successful transition — snapshot, history entry, list row, reminder schedule and notices in one
    /// transaction — and only then takes it as the complaint's state.</summary>
    private async Task WriteAsync(
        Transition<EnforcementComplaint, ComplaintEvent> transition, string? reason, string actorUserId, string actorOrganisationId,
        (string Key, AppliedRequest Request)? idempotency)
    {
        var state = transition.State!;
        var @event = transition.Event!;
        var requests = snapshot?.Requests ?? new Dictionary<string, AppliedRequest>();
        if (idempotency is var (key, request))
        {
            requests = new Dictionary<string, AppliedRequest>(requests) { [key] = request };
        }

        var next = new ComplaintSnapshot(state, requests);
        var now = clock.GetUtcNow();
        var entry = new CaseHistoryEntry(
            Sequence: version + 1,
            At: now,
            ActorUserId: actorUserId,
            ActorOrganisationId: actorOrganisationId,
            Action: EnumNames.Of(@event.Action),
            Reason: reason,
            PayloadJson: JsonSerializer.Serialize(protector.Protect(@event), DomainJson.Storage),
            IdempotencyKey: idempotency?.Key);
        var commit = new ComplaintCommit(
            state.Id,
            version,
            JsonSerializer.Serialize(next with { Complaint = protector.Protect(state) }, DomainJson.Storage),
            ComplaintIndexing.EntryFor(state, version + 1, now),
            entry,
            ComplaintSchedule.EntriesFor(state, reminderPolicy, await calendars.GetAsync()),
            NotificationsFor(state, @event),
            @event is ComplaintHandled && state.Finding(version + 1) is { } finding ? [SupervisionMessages.Finding(finding)] : null);
        try
        {
            await store.AppendAsync(commit);
        }
        catch
        {
            // A conflict, or an unknown outcome: the next request must start from what is really stored.
            DeactivateOnIdle();
            throw;
        }

        snapshot = next;
        version++;
        delivery.Start(commit.Outbox);
    }

    private static IReadOnlyList<NotificationDraft> NotificationsFor(EnforcementComplaint state, ComplaintEvent @event)
    {
        if (@event is not ComplaintReminderFired fired)
        {
            return [];
        }

        var payload = JsonSerializer.Serialize<ComplaintEvent>(fired, DomainJson.Storage);
        return [.. ComplaintReminderNotices.For(state, fired).Select(notice => new NotificationDraft(
            "reminderFired",
            notice.Recipient.OrganisationId,
            notice.Recipient.Role is { } role ? EnumNames.Of(role) : null,
            notice.Recipient.UserId,
            notice.Title,
            notice.Text,
            payload))];
    }

    private async Task<ComplaintView> ViewAsync(Principal principal) =>
        ComplaintViews.Of(snapshot!.Complaint, version, principal, ChinaTime.Today(clock), await calendars.GetAsync());
}
