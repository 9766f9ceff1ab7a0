using System.Text.Json;
using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Calendar;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Grains.Cases;

/// <summary>
/// A reconsideration case as a virtual actor. It holds the case's state, checks every request against the
/// access policy, asks the domain to decide each action, and answers only after the change, its history entry
/// and its list row are committed together. Personal data is encrypted in everything it stores.
/// </summary>
public sealed class ReconsiderationCaseGrain(
    ICaseStore store,
    IOrganisationDirectory directory,
    ICalendarSource calendars,
    PersonalDataProtector protector,
    TimeProvider clock) : Grain, IReconsiderationCaseGrain
{
    private CaseSnapshot? snapshot;
    private long version;

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

    public async Task<CaseResult> Get(Principal principal) =>
        Visibility(principal) == CaseVisibility.None
            ? CaseResult.Failed(CaseFailures.NotFound(CaseId))
            : CaseResult.Success(await ViewAsync(principal));

    public async Task<CaseResult> Receive(ReceiveApplication application, CommandMetadata metadata)
    {
        if (snapshot is not null)
        {
            return await ReplayAsync(metadata) ?? CaseResult.Failed(CaseFailures.AlreadyExists(CaseId));
        }

        var routing = await ReceiptRouter.RouteAsync(application, directory);
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
        if (snapshot is null)
        {
            return CaseResult.Failed(CaseFailures.NotFound(CaseId));
        }

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
        return await CommitAsync(snapshot.Case.Handle(command, context), command.Reason, metadata);
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

    private async Task<CaseResult> CommitAsync(CaseTransition transition, string? reason, CommandMetadata metadata)
    {
        if (!transition.IsSuccess)
        {
            return CaseResult.Failed(CaseFailures.From(transition.Refusal));
        }

        var state = transition.State;
        var requests = snapshot?.Requests ?? new Dictionary<string, AppliedRequest>();
        if (metadata.IdempotencyKey is not null)
        {
            requests = new Dictionary<string, AppliedRequest>(requests) { [metadata.IdempotencyKey] = new(metadata.RequestHash, version + 1) };
        }

        var next = new CaseSnapshot(state, requests);
        var now = clock.GetUtcNow();
        var entry = new CaseHistoryEntry(
            Sequence: version + 1,
            At: now,
            ActorUserId: metadata.Principal.UserId,
            ActorOrganisationId: metadata.Principal.OrganisationId,
            Action: EnumNames.Of(transition.Event.Action),
            Reason: reason,
            PayloadJson: JsonSerializer.Serialize(protector.Protect(transition.Event), DomainJson.Storage),
            IdempotencyKey: metadata.IdempotencyKey);
        var commit = new CaseCommit(
            state.Id,
            version,
            JsonSerializer.Serialize(next with { Case = protector.Protect(state) }, DomainJson.Storage),
            CaseIndexing.EntryFor(state, version + 1, now),
            entry);
        try
        {
            await store.AppendAsync(commit);
        }
        catch (ConcurrencyConflictException)
        {
            // Another activation wrote first (possible only around a silo failure): reload before the next request.
            DeactivateOnIdle();
            return CaseResult.Failed(CaseFailures.Conflict(state.Id));
        }
        catch
        {
            // The outcome of the write is unknown; the next request must start from what is really stored.
            DeactivateOnIdle();
            throw;
        }

        snapshot = next;
        version++;
        return CaseResult.Success(await ViewAsync(metadata.Principal));
    }

    private CaseVisibility Visibility(Principal principal) =>
        snapshot is null ? CaseVisibility.None : CaseAccessPolicy.VisibilityOf(principal, snapshot.Case);

    private async Task<CaseView> ViewAsync(Principal principal) =>
        CaseViews.Of(snapshot!.Case, version, principal, ChinaTime.Today(clock), await calendars.GetAsync());
}
