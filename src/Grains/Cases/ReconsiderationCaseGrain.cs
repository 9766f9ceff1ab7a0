using System.Text.Json;
using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Calendar;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Grains.Cases;

/// <summary>
/// A reconsideration case as a virtual actor. It holds the case's state, asks the domain to decide each
/// action, and answers only after the change, its history entry and its list row are committed together.
/// </summary>
public sealed class ReconsiderationCaseGrain(
    ICaseStore store,
    IOrganisationDirectory directory,
    ICalendarSource calendars,
    TimeProvider clock) : Grain, IReconsiderationCaseGrain
{
    private CaseSnapshot? snapshot;
    private long version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);
        if (stored is not null)
        {
            snapshot = JsonSerializer.Deserialize<CaseSnapshot>(stored.SnapshotJson, DomainJson.Storage)
                ?? throw new InvalidOperationException($"Case {stored.CaseId} has an empty snapshot.");
            version = stored.Version;
        }
    }

    public async Task<CaseResult> Get() =>
        snapshot is null ? CaseResult.Failed(CaseFailures.NotFound(this.GetPrimaryKeyString())) : CaseResult.Success(await ViewAsync());

    public async Task<CaseResult> Receive(ReceiveApplication application, CommandMetadata metadata)
    {
        if (snapshot is not null)
        {
            return await ReplayAsync(metadata) ?? CaseResult.Failed(CaseFailures.AlreadyExists(this.GetPrimaryKeyString()));
        }

        var routing = await ReceiptRouter.RouteAsync(application, directory);
        if (routing.Failure is not null)
        {
            return CaseResult.Failed(routing.Failure);
        }

        var context = new CaseContext(clock.GetUtcNow(), await calendars.GetAsync());
        var transition = ReconsiderationCase.Receive(this.GetPrimaryKeyString(), application, routing.Routing!, context);
        return await CommitAsync(transition, reason: null, metadata);
    }

    public async Task<CaseResult> Perform(CaseCommand command, CommandMetadata metadata)
    {
        if (snapshot is null)
        {
            return CaseResult.Failed(CaseFailures.NotFound(this.GetPrimaryKeyString()));
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
            ? CaseResult.Success(await ViewAsync(), replayed: true)
            : CaseResult.Failed(CaseFailures.IdempotencyKeyReused(metadata.IdempotencyKey));
    }

    private async Task<CaseResult> CommitAsync(CaseTransition transition, string? reason, CommandMetadata metadata)
    {
        if (!transition.IsSuccess)
        {
            return CaseResult.Failed(CaseFailures.From(transition.Refusal!));
        }

        var state = transition.State!;
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
            ActorUserId: metadata.Actor.UserId,
            ActorOrganisationId: metadata.Actor.OrganisationId,
            Action: EnumNames.Of(transition.Event.Action),
            Reason: reason,
            PayloadJson: JsonSerializer.Serialize(transition.Event, DomainJson.Storage),
            IdempotencyKey: metadata.IdempotencyKey);
        var commit = new CaseCommit(
            state.Id,
            version,
            JsonSerializer.Serialize(next, DomainJson.Storage),
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
        return CaseResult.Success(await ViewAsync());
    }

    private async Task<CaseView> ViewAsync() =>
        CaseViews.Of(snapshot!.Case, version, ChinaTime.Today(clock), await calendars.GetAsync());
}
