using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Complaints;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Complaints;
using CaseGrains.Grains;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Persistence.Complaints;

namespace CaseGrains.Api.Complaints;

/// <summary>Enforcement complaints (投诉举报): receipt, reading, actions, history and lists. Who may do what is decided by
/// <c>ComplaintAccessPolicy</c> inside the complaint grain; these handlers only translate.</summary>
public static class ComplaintEndpoints
{
    public static RouteGroupBuilder MapComplaintEndpoints(this RouteGroupBuilder api)
    {
        var complaints = api.MapGroup("/complaints").WithTags("Complaints").RequirePrincipal();
        complaints.MapPost("/", ReceiveAsync).WithSummary("Register an enforcement complaint or report (投诉举报登记)").Accepts<ReceiveComplaint>("application/json");
        complaints.MapGet("/", ComplaintListEndpoint.ListAsync).WithSummary("List and filter the complaints you may see");
        complaints.MapGet("/{complaintId}", GetAsync).WithSummary("Read a complaint: state, answer period, your allowed actions");
        complaints.MapPost("/{complaintId}/actions", PerformAsync).WithSummary("Verify, reject, handle, answer or close a complaint")
            .Accepts<ComplaintCommand>("application/json");
        complaints.MapGet("/{complaintId}/history", HistoryAsync).WithSummary("Read a complaint's history (who, when, what, why)");
        complaints.MapGet("/{complaintId}/history/verification", VerifyAsync).WithSummary("Verify a complaint's history hash chain");
        return api;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, GrainReferences grains)
    {
        var (key, keyError) = RequestFingerprint.KeyOf(http.Request);
        if (keyError is not null)
        {
            return keyError;
        }

        var (complaint, raw, bodyError) = await JsonBody.ReadAsync<ReceiveComplaint>(http.Request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var principal = http.GetPrincipal();
        var metadata = new CommandMetadata(principal, key, RequestFingerprint.Of(http.Request, raw));
        var result = await grains.Get<IEnforcementComplaintGrain>(ComplaintIds.For(principal, key)).Receive(complaint!, metadata);
        return Respond(http, result, created: true);
    }

    private static async Task<IResult> GetAsync(string complaintId, HttpContext http, GrainReferences grains) =>
        Respond(http, await ReadAsync(complaintId, http, grains), created: false);

    private static async Task<IResult> PerformAsync(string complaintId, HttpContext http, GrainReferences grains)
    {
        if (!ComplaintIds.IsWellFormed(complaintId))
        {
            return Problems.Of(ComplaintFailures.NotFound(complaintId));
        }

        var (command, metadata, problem) = await SubjectCommand.ReadAsync<ComplaintCommand>(http);
        return problem ?? Respond(http, await grains.Get<IEnforcementComplaintGrain>(complaintId).Perform(command!, metadata!), created: false);
    }

    private static async Task<IResult> HistoryAsync(
        string complaintId, HttpContext http, GrainReferences grains, IComplaintStore store, PersonalDataProtector protector)
    {
        var read = await ReadAsync(complaintId, http, grains);
        if (read.Failure is not null)
        {
            return Problems.Of(read.Failure);
        }

        var history = await store.ReadHistoryAsync(complaintId, http.RequestAborted);
        return Results.Ok(history.Select(e => ComplaintHistoryEntryView.Of(e, read.Complaint!.Visibility, protector)));
    }

    private static async Task<IResult> VerifyAsync(string complaintId, HttpContext http, GrainReferences grains, IComplaintStore store)
    {
        var read = await ReadAsync(complaintId, http, grains);
        return read.Failure is not null
            ? Problems.Of(read.Failure)
            : Results.Ok(await store.VerifyHistoryAsync(complaintId, http.RequestAborted));
    }

    /// <summary>The complaint as the caller may see it; a malformed or out-of-scope id is simply not found.</summary>
    private static async Task<ComplaintResult> ReadAsync(string complaintId, HttpContext http, GrainReferences grains) =>
        ComplaintIds.IsWellFormed(complaintId)
            ? await grains.Get<IEnforcementComplaintGrain>(complaintId).Get(http.GetPrincipal())
            : ComplaintResult.Failed(ComplaintFailures.NotFound(complaintId));

    private static IResult Respond(HttpContext http, ComplaintResult result, bool created) => SubjectResponses.Of(
        http, result.Failure, result.Complaint, result.Complaint?.Version ?? 0, result.Replayed, created ? $"/api/v1/complaints/{result.Complaint?.Id}" : null);
}
