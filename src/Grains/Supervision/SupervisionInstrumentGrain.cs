using System.Text.Json;
using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Notifications;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Time;
using CaseGrains.Domain.Workflow;
using CaseGrains.Grains.Calendar;
using CaseGrains.Grains.Cases;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Supervision;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// A supervision instrument (行政复议意见书 or 行政执法监督通知书) as a virtual actor. It checks every request against
/// <see cref="InstrumentAccessPolicy"/>, asks the domain to decide, and answers only after the change, its history entry
/// (who, when, why), its list columns, its reminder schedule, the notifications it sends and the messages it owes the
/// agency's record are committed together. Approval draws the next document number of its series in the same transaction
/// (<see cref="ISupervisionStore.CommitNumberedAsync"/>), so numbers run without gaps.
/// </summary>
public sealed class SupervisionInstrumentGrain(
    ISupervisionStore store,
    SupervisionDirectory directory,
    SupervisionMessenger messenger,
    ICalendarSource calendars,
    ReminderPolicy reminderPolicy,
    IOptions<SupervisionOptions> options,
    NoticeMetrics metrics,
    PlatformClock clock) : Grain, ISupervisionInstrumentGrain, IInstrumentSystemGrain
{
    private const string SystemActor = "system";

    private InstrumentSnapshot? snapshot;
    private long version;

    /// <summary>The calendar of the request being handled (<see cref="ContextAsync"/>), which its reminder schedule is
    /// counted on.</summary>
    private Domain.Calendar.WorkingDayCalendar? calendarInUse;

    private string InstrumentId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await store.LoadInstrumentAsync(InstrumentId, cancellationToken) is { } stored)
        {
            snapshot = InstrumentStorage.Read(stored);
            version = stored.Version;
        }
    }

    public async Task<InstrumentResult> Get(Principal principal) =>
        snapshot is not null && InstrumentAccessPolicy.MaySee(principal, snapshot.Instrument)
            ? InstrumentResult.Success(await ViewAsync(principal))
            : InstrumentResult.Failed(SupervisionFailures.NotFound(InstrumentId));

    public async Task<InstrumentResult> DraftOpinionLetter(string caseId, DraftOpinionLetter command, CommandMetadata metadata)
    {
        var (@case, failure) = await CaseForDraftAsync(caseId, metadata, InstrumentAccessPolicy.MayDraftOpinionLetter);
        if (@case is null)
        {
            return failure!;
        }

        var issuerPath = await directory.OrganisationPathAsync(@case.CompetentBodyId)
            ?? throw new InvalidOperationException($"The competent body {@case.CompetentBodyId} is not in the directory.");
        var transition = SupervisionInstrument.DraftOpinionLetter(
            InstrumentId, @case, command, new InstrumentIssuer(@case.CompetentBodyId, issuerPath), await ContextAsync());
        return await CreateAsync(transition, metadata, InstrumentActionName.DraftOpinionLetter, owed: _ => []);
    }

    public async Task<InstrumentResult> ConvertCase(string caseId, ConvertCase command, CommandMetadata metadata)
    {
        var (@case, failure) = await CaseForDraftAsync(caseId, metadata, InstrumentAccessPolicy.MayConvertCase);
        if (@case is null)
        {
            return failure!;
        }

        if (await directory.NoticeIssuerForAsync(@case.RegionPath) is not { } issuer)
        {
            return InstrumentResult.Failed(SupervisionFailures.NoSupervisionOffice(@case.RegionPath));
        }

        var transition = SupervisionInstrument.ConvertCase(InstrumentId, @case, command, issuer, SupervisionPeriods.Notice(options.Value.NoticeDays), await ContextAsync());
        return await CreateAsync(transition, metadata, InstrumentActionName.ConvertCase,
            owed: state => [SupervisionMessages.TrackNotice(state.AgencyId, state.ToTrackNotice())]);
    }

    public async Task<InstrumentResult> Perform(InstrumentCommand command, CommandMetadata metadata)
    {
        if (snapshot is null)
        {
            return InstrumentResult.Failed(SupervisionFailures.NotFound(InstrumentId));
        }

        var instrument = snapshot.Instrument;
        switch (InstrumentAccessPolicy.MayPerform(metadata.Principal, command.Action, instrument))
        {
            case AccessDecision.OutOfScope:
                return InstrumentResult.Failed(SupervisionFailures.NotFound(InstrumentId));
            case AccessDecision.Forbidden:
                return InstrumentResult.Failed(SupervisionFailures.Forbidden(command.Action));
        }

        if (await ReplayAsync(metadata) is { } replayed)
        {
            return replayed;
        }

        if (metadata.ExpectedVersion is { } expected && expected != version)
        {
            return InstrumentResult.Failed(CaseFailures.VersionMismatch(expected, version) with { Title = "文书已被修改，请刷新后重试" });
        }

        var context = await ContextAsync();
        try
        {
            if (command is ApproveAndIssue approval)
            {
                return await IssueAsync(approval with { ApprovedBy = metadata.Principal.UserId }, metadata, context);
            }

            var transition = instrument.Handle(command, context);
            if (!transition.IsSuccess)
            {
                return InstrumentResult.Failed(SupervisionFailures.From(transition.Refusal));
            }

            await WriteAsync(Commit(transition.State, transition.Event, command.Reason, metadata, await NotificationsForAsync(transition.State, transition.Event)));
        }
        catch (ConcurrencyConflictException)
        {
            return InstrumentResult.Failed(CaseFailures.Conflict(InstrumentId));
        }

        return InstrumentResult.Success(await ViewAsync(metadata.Principal));
    }

    public async Task<SystemCommandOutcome> DeliverPattern(PatternDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var match = delivery.Match;
        var context = await ContextAsync();
        if (snapshot is null)
        {
            if (!match.DraftsNotice)
            {
                // Further cases for a notice whose draft has not arrived yet: the relay brings them again after it.
                return new(SystemCommandOutcomeKind.NotDue, "notice_not_drafted_yet");
            }

            if (await directory.NoticeIssuerForAsync(delivery.Agency.RegionPath) is not { } issuer)
            {
                return new(SystemCommandOutcomeKind.Refused, "no_supervision_office");
            }

            var drafted = SupervisionInstrument.DraftNotice(delivery.Agency, match, issuer, SupervisionPeriods.Notice(options.Value.NoticeDays), context);
            if (!drafted.IsSuccess)
            {
                return new(SystemCommandOutcomeKind.Refused, drafted.Refusal.Code);
            }

            var state = drafted.State with { Id = InstrumentId };
            var draftNotice = InstrumentNotices.ForPatternDraft(state);
            await WriteAsync(Commit(state, drafted.Event, reason: null, Platform, [Draft("noticeDrafted", draftNotice, drafted.Event)], agencyNoticeId: match.NoticeId));
            return new(SystemCommandOutcomeKind.Recorded);
        }

        return match.DraftsNotice
            ? new(SystemCommandOutcomeKind.Unchanged, "notice_already_drafted")
            : await RunSystemCommandAsync(new CiteCases { Citations = [.. match.Cited] }, context);
    }

    public async Task<SystemCommandOutcome> FireReminder(FireInstrumentReminder reminder) =>
        snapshot is null
            ? new(SystemCommandOutcomeKind.Refused, "instrument_not_found")
            : await RunSystemCommandAsync(reminder, await ContextAsync());

    private async Task<SystemCommandOutcome> RunSystemCommandAsync(InstrumentCommand command, CaseContext context)
    {
        var transition = snapshot!.Instrument.Handle(command, context);
        if (!transition.IsSuccess)
        {
            return new(
                transition.IsUnchanged ? SystemCommandOutcomeKind.Unchanged
                    : transition.Refusal.Code == ReminderDelivery.NotDueCode ? SystemCommandOutcomeKind.NotDue
                    : SystemCommandOutcomeKind.Refused,
                transition.Refusal.Code);
        }

        await WriteAsync(Commit(transition.State, transition.Event, reason: null, Platform, await NotificationsForAsync(transition.State, transition.Event)));
        return new(SystemCommandOutcomeKind.Recorded);
    }

    /// <summary>Approval: the number is drawn and the issue committed in one transaction; a refusal draws none.</summary>
    private async Task<InstrumentResult> IssueAsync(ApproveAndIssue approval, CommandMetadata metadata, CaseContext context)
    {
        var instrument = snapshot!.Instrument;
        var year = context.Today.Year;
        var numbering = new DocumentNumbering(options.Value.OpinionLetterNumberTemplate, options.Value.NoticeNumberTemplate);
        var shortName = await directory.ShortNameAsync(instrument.IssuingBodyId);
        Refusal? refused = null;
        (InstrumentCommit Commit, InstrumentSnapshot Next)? written = null;
        try
        {
            await store.CommitNumberedAsync(
                new(instrument.IssuingBodyId, EnumNames.Of(instrument.Kind), year),
                sequence =>
                {
                    var command = approval with { Number = numbering.Number(instrument.Kind, instrument.IssuingBodyId, shortName, year, sequence) };
                    var transition = instrument.Handle(command, context);
                    if (!transition.IsSuccess)
                    {
                        refused = transition.Refusal;
                        return null;
                    }

                    written = Commit(transition.State, transition.Event, approval.Reason, metadata, []);
                    return written.Value.Commit;
                });
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        if (refused is not null || written is null)
        {
            return InstrumentResult.Failed(SupervisionFailures.From(refused!));
        }

        Adopt(written.Value.Commit, written.Value.Next);
        return InstrumentResult.Success(await ViewAsync(metadata.Principal));
    }

    private async Task<(ReconsiderationCase? Case, InstrumentResult? Failure)> CaseForDraftAsync(
        string caseId, CommandMetadata metadata, Func<Principal, ReconsiderationCase, bool> may)
    {
        if (snapshot is not null)
        {
            return (null, await ReplayAsync(metadata) ?? InstrumentResult.Failed(SupervisionFailures.AlreadyExists(InstrumentId)));
        }

        var read = await GrainFactory.GetGrain<IReconsiderationCaseGrain>(caseId).Get(metadata.Principal);
        if (read.Failure is not null)
        {
            return (null, InstrumentResult.Failed(read.Failure));
        }

        var @case = read.Case!.Case;
        return may(metadata.Principal, @case)
            ? (@case, null)
            : (null, InstrumentResult.Failed(SupervisionFailures.ForbiddenOnCase(caseId)));
    }

    private async Task<InstrumentResult> CreateAsync(
        Transition<SupervisionInstrument, InstrumentEvent> transition,
        CommandMetadata metadata,
        InstrumentActionName action,
        Func<SupervisionInstrument, IReadOnlyList<OutboxMessage>> owed)
    {
        if (!transition.IsSuccess)
        {
            return InstrumentResult.Failed(SupervisionFailures.From(transition.Refusal));
        }

        var (commit, next) = Commit(transition.State, transition.Event, reason: null, metadata, []);
        commit = commit with
        {
            Entry = Entry(transition.Event, reason: null, metadata.Principal.UserId, metadata.Principal.OrganisationId, metadata.IdempotencyKey, action),
            Outbox = owed(transition.State),
        };
        try
        {
            await WriteAsync((commit, next));
        }
        catch (ConcurrencyConflictException)
        {
            return InstrumentResult.Failed(SupervisionFailures.AlreadyExists(InstrumentId));
        }

        return InstrumentResult.Success(await ViewAsync(metadata.Principal));
    }

    private async Task<InstrumentResult?> ReplayAsync(CommandMetadata metadata)
    {
        if (snapshot is null || metadata.IdempotencyKey is null || !snapshot.Requests.TryGetValue(metadata.IdempotencyKey, out var applied))
        {
            return null;
        }

        return applied.RequestHash == metadata.RequestHash
            ? InstrumentResult.Success(await ViewAsync(metadata.Principal), replayed: true)
            : InstrumentResult.Failed(CaseFailures.IdempotencyKeyReused(metadata.IdempotencyKey));
    }

    private static (string UserId, string OrganisationId, string? Key) Platform => (SystemActor, SystemActor, null);

    private (InstrumentCommit Commit, InstrumentSnapshot Next) Commit(
        SupervisionInstrument state, InstrumentEvent @event, string? reason, CommandMetadata metadata, IReadOnlyList<NotificationDraft> notifications) =>
        Commit(state, @event, reason, (metadata.Principal.UserId, metadata.Principal.OrganisationId, metadata.IdempotencyKey), notifications,
            applied: metadata.IdempotencyKey is { } key ? (key, new AppliedRequest(metadata.RequestHash, version + 1)) : null);

    /// <summary>The commit of a successful transition — snapshot, the citations it added, list columns, history entry, the
    /// whole reminder schedule, the notices it sends and, when a notice stops absorbing cases, the message that tells the
    /// agency's record — with the snapshot it stores, which the grain takes as its state once the commit is durable.</summary>
    private (InstrumentCommit Commit, InstrumentSnapshot Next) Commit(
        SupervisionInstrument state,
        InstrumentEvent @event,
        string? reason,
        (string UserId, string OrganisationId, string? Key) actor,
        IReadOnlyList<NotificationDraft> notifications,
        (string Key, AppliedRequest Request)? applied = null,
        string? agencyNoticeId = null)
    {
        var calendar = calendarInUse ?? throw new InvalidOperationException("A commit is built after the request's context.");
        var finished = snapshot is { } before && before.Instrument.AbsorbsCases && !state.AbsorbsCases;
        var next = Next(state, applied, agencyNoticeId);
        var commit = new InstrumentCommit(
            InstrumentId,
            version,
            InstrumentStorage.Snapshot(next),
            InstrumentIndexing.EntryFor(state),
            Entry(@event, reason, actor.UserId, actor.OrganisationId, actor.Key, @event.Action),
            [.. InstrumentReminders.For(state, reminderPolicy, calendar).Select(r => new ScheduleEntry(
                r.CaseId, r.DeadlineId, EnumNames.Of(r.Kind), EnumNames.Of(r.Step), r.DueOn, r.FireAt))],
            notifications,
            finished ? [SupervisionMessages.NoticeFinished(state.AgencyId, snapshot!.AgencyNoticeId)] : [],
            InstrumentStorage.Added(snapshot?.Instrument, @event, state));
        return (commit, next);
    }

    private CaseHistoryEntry Entry(InstrumentEvent @event, string? reason, string userId, string organisationId, string? key, InstrumentActionName action) => new(
        version + 1, clock.GetUtcNow(), userId, organisationId, EnumNames.Of(action), reason,
        JsonSerializer.Serialize(@event, DomainJson.Storage), key);

    /// <summary>The snapshot after the transition: its state, the id the agency's record knows it by (given when drafted
    /// from a pattern, else kept), and the request keys applied, with this request's.</summary>
    private InstrumentSnapshot Next(SupervisionInstrument state, (string Key, AppliedRequest Request)? applied, string? agencyNoticeId)
    {
        var requests = snapshot?.Requests ?? new Dictionary<string, AppliedRequest>();
        if (applied is var (key, request))
        {
            requests = new Dictionary<string, AppliedRequest>(requests) { [key] = request };
        }

        return new InstrumentSnapshot(state, agencyNoticeId ?? snapshot?.AgencyNoticeId ?? InstrumentId, requests);
    }

    /// <summary>Commits and only then takes the committed snapshot as the instrument's state; delivers what it owes the
    /// agency.</summary>
    private async Task WriteAsync((InstrumentCommit Commit, InstrumentSnapshot Next) staged)
    {
        var (commit, next) = staged;
        try
        {
            await store.CommitInstrumentAsync(commit);
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        if (commit.ExpectedVersion == 0)
        {
            metrics.Raised(commit.Index.Kind, RegionPaths.SelfAndAncestors(commit.Index.AgencyRegionPath)[0]);
        }

        Adopt(commit, next);
    }

    private void Adopt(InstrumentCommit commit, InstrumentSnapshot next)
    {
        snapshot = next;
        version = commit.ExpectedVersion + 1;
        if (options.Value.DeliverAtOnce && commit.Outbox is { Count: > 0 } owed)
        {
            // Not awaited: the agency's record may be waiting on this instrument (it delivers patterns here), and the two
            // must not wait on each other. The outbox keeps the message until the record has it.
            _ = Task.Run(() => messenger.DeliverAsync(owed));
        }
    }

    private async Task<IReadOnlyList<NotificationDraft>> NotificationsForAsync(SupervisionInstrument state, InstrumentEvent @event)
    {
        if (@event is not InstrumentReminderFired fired)
        {
            return [];
        }

        var office = await directory.OfficeForAsync(state.SupervisorRegionPath);
        return [.. InstrumentNotices.ForReminder(state, fired, office).Select(notice => Draft("instrumentReminderFired", notice, fired))];
    }

    private static NotificationDraft Draft(string kind, CaseNotice notice, InstrumentEvent @event) => new(
        kind,
        notice.Recipient.OrganisationId,
        notice.Recipient.Role is { } role ? EnumNames.Of(role) : null,
        notice.Recipient.UserId,
        notice.Title,
        notice.Text,
        JsonSerializer.Serialize(@event, DomainJson.Storage));

    private async Task<CaseContext> ContextAsync()
    {
        calendarInUse = await calendars.GetAsync();
        return new(clock.GetUtcNow(), calendarInUse);
    }

    private async Task<InstrumentView> ViewAsync(Principal principal)
    {
        var instrument = snapshot!.Instrument;
        return new InstrumentView(
            InstrumentId,
            version,
            instrument,
            [.. InstrumentAccessPolicy.PermittedActions(principal, instrument)],
            instrument.SupervisorRegionPath,
            await directory.OfficeForAsync(instrument.SupervisorRegionPath));
    }
}
