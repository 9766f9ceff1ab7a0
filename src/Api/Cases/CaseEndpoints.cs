using CaseGrains.Abstractions.Cases;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Cases;
using CaseGrains.Grains;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Api.Cases;

/// <summary>Reconsideration cases: receipt, reading, actions, history and lists. Who may do what is decided by
/// the domain's access policy inside the case grain; these handlers only translate.</summary>
public static class CaseEndpoints
{
    public const string IntakeRateLimit = "intake";

    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases").RequirePrincipal();
        cases.MapPost("/", ReceiveAsync).WithSummary("Receive an application (收件登记)").Accepts<ReceiveApplication>("application/json")
            .RequireRateLimiting(IntakeRateLimit);
        cases.MapGet("/", CaseListEndpoint.ListAsync).WithSummary("List and filter the cases you may see")
            .WithDescription("total is the number of matching cases when totalIsExact is true; when more than 1,000 match (or more "
                + "than the end of the page asked for, if further), total is that bound and totalIsExact is false.")
            .Produces<CasePage>();
        cases.MapGet("/{caseId}", GetAsync).WithSummary("Read a case: state, deadlines, your allowed actions, parties");
        cases.MapPost("/{caseId}/actions", PerformAsync).WithSummary("Perform an action on a case").Accepts<CaseCommand>("application/json");
        cases.MapGet("/{caseId}/history", HistoryAsync).WithSummary("Read a case's history (执法全过程记录)");
        cases.MapGet("/{caseId}/history/verification", VerifyAsync).WithSummary("Verify a case's history hash chain");
        return api;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, GrainReferences grains)
    {
        var (key, keyError) = RequestFingerprint.KeyOf(http.Request);
        if (keyError is not null)
        {
            return keyError;
        }

        var (application, raw, bodyError) = await JsonBody.ReadAsync<ReceiveApplication>(http.Request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var principal = http.GetPrincipal();
        var caseId = CaseIds.For(principal, key);
        var metadata = new CommandMetadata(principal, key, RequestFingerprint.Of(http.Request, raw));
        var result = await grains.Get<IReconsiderationCaseGrain>(caseId).Receive(application!, metadata);
        return Respond(http, result, created: true);
    }

    private static async Task<IResult> GetAsync(string caseId, HttpContext http, GrainReferences grains) =>
        Respond(http, await ReadAsync(caseId, http, grains), created: false);

    private static async Task<IResult> PerformAsync(string caseId, HttpContext http, GrainReferences grains)
    {
        if (!CaseIds.IsWellFormed(caseId))
        {
            return Problems.Of(CaseFailures.NotFound(caseId));
        }

        var (command, metadata, problem) = await SubjectCommand.ReadAsync<CaseCommand>(http);
        return problem ?? Respond(http, await grains.Get<IReconsiderationCaseGrain>(caseId).Perform(command!, metadata!), created: false);
    }

    private static async Task<IResult> HistoryAsync(string caseId, HttpContext http, GrainReferences grains, ICaseStore store, PersonalDataProtector protector)
    {
        var read = await ReadAsync(caseId, http, grains);
        if (read.Failure is not null)
        {
            return Problems.Of(read.Failure);
        }

        var history = await store.ReadHistoryAsync(caseId, http.RequestAborted);
        return Results.Ok(history.Select(e => HistoryEntryView.Of(e, read.Case!.Visibility, protector)));
    }

    private static async Task<IResult> VerifyAsync(string caseId, HttpContext http, GrainReferences grains, ICaseStore store)
    {
        var read = await ReadAsync(caseId, http, grains);
        return read.Failure is not null
            ? Problems.Of(read.Failure)
            : Results.Ok(await store.VerifyHistoryAsync(caseId, http.RequestAborted));
    }

    /// <summary>The case as the caller may see it; a malformed or out-of-scope id is simply not found.</summary>
    private static async Task<CaseResult> ReadAsync(string caseId, HttpContext http, GrainReferences grains) =>
        CaseIds.IsWellFormed(caseId)
            ? await grains.Get<IReconsiderationCaseGrain>(caseId).Get(http.GetPrincipal())
            : CaseResult.Failed(CaseFailures.NotFound(caseId));

    private static IResult Respond(HttpContext http, CaseResult result, bool created) => SubjectResponses.Of(
        http, result.Failure, result.Case, result.Case?.Version ?? 0, result.Replayed, created ? $"/api/v1/cases/{result.Case?.Id}" : null);
}
