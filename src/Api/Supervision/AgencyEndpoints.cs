using CaseGrains.Abstractions.Supervision;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Grains;

namespace CaseGrains.Api.Supervision;

/// <summary>Supervised agencies (行政执法机关): one agency's record as its grain holds it. Who may read it is decided by the
/// domain's <c>InstrumentAccessPolicy</c> inside the grain.</summary>
public static class AgencyEndpoints
{
    public static RouteGroupBuilder MapAgencyEndpoints(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Supervision").RequirePrincipal();
        agencies.MapGet("/{agencyId}", GetAsync).WithSummary("Read an agency's record: corrections per flaw kind, correction rate, notices");
        return api;
    }

    private static async Task<IResult> GetAsync(string agencyId, HttpContext http, GrainReferences grains)
    {
        if (agencyId.Length > 100)
        {
            return Problems.NotFound("执法机关", $"No agency '{agencyId}' is in your scope.");
        }

        var read = await grains.Get<IAgencyGrain>(agencyId).Get(http.GetPrincipal());
        if (read.Failure is not null)
        {
            return Problems.Of(read.Failure);
        }

        http.Response.Headers.ETag = CaseETag.Of(read.Agency!.Version);
        return Results.Ok(read.Agency);
    }
}
