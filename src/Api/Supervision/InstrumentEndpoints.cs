using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Supervision;
using CaseGrains.Grains;
using CaseGrains.Grains.Supervision;
using CaseGrains.Persistence.Supervision;

namespace CaseGrains.Api.Supervision;

/// <summary>
/// Supervision instruments (行政复议意见书, 行政执法监督通知书): reading, lifecycle actions and Art. 77 follow-ups, history,
/// lists; and, under a case, drafting an opinion letter or converting the case into a supervision procedure. Who may do
/// what is decided by the domain's <c>InstrumentAccessPolicy</c> inside the grain; these handlers only translate.
/// </summary>
public static class InstrumentEndpoints
{
    public static RouteGroupBuilder MapInstrumentEndpoints(this RouteGroupBuilder api)
    {
        var instruments = api.MapGroup("/instruments").WithTags("Supervision").RequirePrincipal();
        instruments.MapGet("/", InstrumentListEndpoint.ListAsync).WithSummary("List the instruments you may see");
        instruments.MapGet("/{instrumentId}", GetAsync).WithSummary("Read an instrument: state, deadlines, escalations, your allowed actions");
        instruments.MapPost("/{instrumentId}/actions", PerformAsync).WithSummary("Perform a lifecycle action or follow-up on an instrument")
            .Accepts<InstrumentCommand>("application/json");
        instruments.MapGet("/{instrumentId}/history", HistoryAsync).WithSummary("Read an instrument's history (who, when, why)");

        var cases = api.MapGroup("/cases").WithTags("Supervision").RequirePrincipal();
        cases.MapPost("/{caseId}/opinion-letters", DraftOpinionLetterAsync).WithSummary("Draft an opinion letter (行政复议意见书, Art. 76) from a case")
            .Accepts<DraftOpinionLetter>("application/json");
        cases.MapPost("/{caseId}/supervision-conversions", ConvertCaseAsync).WithSummary("Convert a case into an enforcement-supervision procedure")
            .Accepts<ConvertCase>("application/json");
        return api;
    }

    private static async Task<IResult> GetAsync(string instrumentId, HttpContext http, GrainReferences grains) =>
        Respond(http, await ReadAsync(instrumentId, http, grains), created: false);

    private static async Task<IResult> PerformAsync(string instrumentId, HttpContext http, GrainReferences grains)
    {
        if (!InstrumentIds.IsWellFormed(instrumentId))
        {
            return Problems.Of(SupervisionFailures.NotFound(instrumentId));
        }

        var (command, metadata, problem) = await SubjectCommand.ReadAsync<InstrumentCommand>(http);
        return problem ?? Respond(http, await grains.Get<ISupervisionInstrumentGrain>(instrumentId).Perform(command!, metadata!), created: false);
    }

    private static async Task<IResult> HistoryAsync(string instrumentId, HttpContext http, GrainReferences grains, ISupervisionStore store)
    {
        var read = await ReadAsync(instrumentId, http, grains);
        if (read.Failure is not null)
        {
            return Problems.Of(read.Failure);
        }

        var history = await store.ReadInstrumentHistoryAsync(instrumentId, http.RequestAborted);
        return Results.Ok(history.Select(InstrumentHistoryEntryView.Of));
    }

    private static Task<IResult> DraftOpinionLetterAsync(string caseId, HttpContext http, GrainReferences grains) =>
        CreateAsync<DraftOpinionLetter>(caseId, http, grains, (grain, command, metadata) => grain.DraftOpinionLetter(caseId, command, metadata));

    private static Task<IResult> ConvertCaseAsync(string caseId, HttpContext http, GrainReferences grains) =>
        CreateAsync<ConvertCase>(caseId, http, grains, (grain, command, metadata) => grain.ConvertCase(caseId, command, metadata));

    /// <summary>A new instrument from a case. With an Idempotency-Key its id is derived from the caller and the key, so a
    /// retry lands on the same grain and is answered with what the first attempt created.</summary>
    private static async Task<IResult> CreateAsync<T>(
        string caseId, HttpContext http, GrainReferences grains, Func<ISupervisionInstrumentGrain, T, CommandMetadata, Task<InstrumentResult>> create)
        where T : class
    {
        if (!Cases.CaseIds.IsWellFormed(caseId))
        {
            return Problems.Of(CaseFailures.NotFound(caseId));
        }

        var (key, keyError) = RequestFingerprint.KeyOf(http.Request);
        if (keyError is not null)
        {
            return keyError;
        }

        var (command, raw, bodyError) = await JsonBody.ReadAsync<T>(http.Request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var principal = http.GetPrincipal();
        var id = InstrumentIds.For(principal.OrganisationId, principal.UserId, key is null ? null : $"{caseId}\n{typeof(T).Name}\n{key}");
        var metadata = new CommandMetadata(principal, key, RequestFingerprint.Of(http.Request, raw));
        return Respond(http, await create(grains.Get<ISupervisionInstrumentGrain>(id), command!, metadata), created: true);
    }

    private static async Task<InstrumentResult> ReadAsync(string instrumentId, HttpContext http, GrainReferences grains) =>
        InstrumentIds.IsWellFormed(instrumentId)
            ? await grains.Get<ISupervisionInstrumentGrain>(instrumentId).Get(http.GetPrincipal())
            : InstrumentResult.Failed(SupervisionFailures.NotFound(instrumentId));

    private static IResult Respond(HttpContext http, InstrumentResult result, bool created) => SubjectResponses.Of(
        http, result.Failure, result.Instrument, result.Instrument?.Version ?? 0, result.Replayed, created ? $"/api/v1/instruments/{result.Instrument?.Id}" : null);
}
