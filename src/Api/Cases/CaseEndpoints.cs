using CaseGrains.Abstractions.Cases;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Cases;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Api.Cases;

/// <summary>Reconsideration cases: receipt, reading, actions, history and lists.</summary>
public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", ReceiveAsync).WithSummary("Receive an application (收件登记)").Accepts<ReceiveApplication>("application/json");
        cases.MapGet("/", CaseListEndpoint.ListAsync).WithSummary("List and filter cases");
        cases.MapGet("/{caseId}", GetAsync).WithSummary("Read a case: state, deadlines, allowed actions, parties");
        cases.MapPost("/{caseId}/actions", PerformAsync).WithSummary("Perform an action on a case").Accepts<CaseCommand>("application/json");
        cases.MapGet("/{caseId}/history", HistoryAsync).WithSummary("Read a case's history");
        return api;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IGrainFactory grains)
    {
        var (actor, actorError) = ActorHeaders.Read(request);
        if (actorError is not null)
        {
            return actorError;
        }

        var (key, keyError) = RequestFingerprint.KeyOf(request);
        if (keyError is not null)
        {
            return keyError;
        }

        var (application, raw, bodyError) = await JsonBody.ReadAsync<ReceiveApplication>(request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var caseId = CaseIds.For(actor!, key);
        var metadata = new CommandMetadata(actor!, key, RequestFingerprint.Of(request, raw));
        var result = await grains.GetGrain<IReconsiderationCaseGrain>(caseId).Receive(application!, metadata);
        return Respond(request, result, created: true);
    }

    private static async Task<IResult> GetAsync(string caseId, HttpRequest request, IGrainFactory grains)
    {
        if (!CaseIds.IsWellFormed(caseId))
        {
            return Problems.Of(CaseFailures.NotFound(caseId));
        }

        return Respond(request, await grains.GetGrain<IReconsiderationCaseGrain>(caseId).Get(), created: false);
    }

    private static async Task<IResult> PerformAsync(string caseId, HttpRequest request, IGrainFactory grains)
    {
        if (!CaseIds.IsWellFormed(caseId))
        {
            return Problems.Of(CaseFailures.NotFound(caseId));
        }

        var (actor, actorError) = ActorHeaders.Read(request);
        if (actorError is not null)
        {
            return actorError;
        }

        var (key, keyError) = RequestFingerprint.KeyOf(request);
        if (keyError is not null)
        {
            return keyError;
        }

        var (expectedVersion, matchError) = CaseETag.ExpectedVersion(request);
        if (matchError is not null)
        {
            return matchError;
        }

        var (command, raw, bodyError) = await JsonBody.ReadAsync<CaseCommand>(request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var metadata = new CommandMetadata(actor!, key, RequestFingerprint.Of(request, raw), expectedVersion);
        return Respond(request, await grains.GetGrain<IReconsiderationCaseGrain>(caseId).Perform(command!, metadata), created: false);
    }

    private static async Task<IResult> HistoryAsync(string caseId, ICaseStore store, CancellationToken cancellationToken)
    {
        var history = CaseIds.IsWellFormed(caseId) ? await store.ReadHistoryAsync(caseId, cancellationToken) : [];
        if (history.Count == 0)
        {
            return Problems.Of(CaseFailures.NotFound(caseId));
        }

        return Results.Ok(history.Select(HistoryEntryView.Of));
    }

    private static IResult Respond(HttpRequest request, CaseResult result, bool created)
    {
        if (result.Failure is not null)
        {
            if (result.Failure.CurrentVersion is { } current)
            {
                request.HttpContext.Response.Headers.ETag = CaseETag.Of(current);
            }

            return Problems.Of(result.Failure);
        }

        var view = result.Case!;
        var headers = request.HttpContext.Response.Headers;
        headers.ETag = CaseETag.Of(view.Version);
        if (result.Replayed)
        {
            headers["Idempotent-Replayed"] = "true";
        }

        return created ? Results.Created($"/api/v1/cases/{view.Id}", view) : Results.Ok(view);
    }
}
