using CaseGrains.Abstractions;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Supervision;
using static CaseGrains.Api.Http.QueryParameters;

namespace CaseGrains.Api.Supervision;

/// <summary>
/// <c>GET /api/v1/instruments</c>, answered from the instruments' list columns and scoped to the caller: a body's officers
/// see what their body issues, agency staff what was issued to their agency (never a draft), supervisors everything
/// against agencies of their region and below and everything escalated to them, administrators everything. Filters:
/// <c>kind</c>, <c>status</c>, <c>agencyId</c>, <c>overdue</c>, <c>withMe=true</c> (the matters that sit with the
/// caller's supervision office now: their inbox of escalations), <c>page</c>, <c>pageSize</c>.
/// </summary>
public static class InstrumentListEndpoint
{
    private static readonly IReadOnlyDictionary<string, InstrumentKind> Kinds = EnumNames.Lookup<InstrumentKind>();
    private static readonly IReadOnlyDictionary<string, InstrumentStatus> Statuses = EnumNames.Lookup<InstrumentStatus>();

    public static async Task<IResult> ListAsync(HttpContext http, ISupervisionStore store, CancellationToken cancellationToken)
    {
        var q = http.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var principal = http.GetPrincipal();
        var withMe = Parse<bool?>(q, "withMe", errors, Boolean) ?? false;
        var query = new InstrumentListQuery
        {
            Kind = Parse<string>(q, "kind", errors, raw => Kinds.ContainsKey(raw) ? (raw, null) : (null, $"expected one of {string.Join(", ", Kinds.Keys)}")),
            Status = Parse<string>(q, "status", errors, raw => Statuses.ContainsKey(raw) ? (raw, null) : (null, $"expected one of {string.Join(", ", Statuses.Keys)}")),
            AgencyId = Text(q, "agencyId", errors),
            Overdue = Parse<bool?>(q, "overdue", errors, Boolean),
            SupervisorRegionPath = withMe ? principal.OrganisationRegionPath : null,
            Page = Parse<int?>(q, "page", errors, raw => Number(raw, 1, 1_000_000)) ?? 1,
            PageSize = Parse<int?>(q, "pageSize", errors, raw => Number(raw, 1, InstrumentListRules.MaxPageSize)) ?? 20,
        };
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (ScopeOf(principal, query) is not { } scoped || (withMe && principal.Role != Role.Supervisor))
        {
            return Results.Ok(new InstrumentPage([], 0));
        }

        return Results.Ok(await store.ListInstrumentsAsync(scoped, cancellationToken));
    }

    /// <summary>The query narrowed to what the caller may see; null when they may see none. The statistics count
    /// instruments within the same scope.</summary>
    internal static InstrumentListQuery? ScopeOf(Principal principal, InstrumentListQuery query) => principal.Role switch
    {
        Role.Administrator => query,
        Role.Supervisor when principal.HasRegionPath => query with { ScopeRegionPath = principal.OrganisationRegionPath },
        Role.CaseOfficer or Role.BodyHead => query with { ScopeIssuingBodyId = principal.OrganisationId },
        Role.AgencyStaff => query with { ScopeAgencyId = principal.OrganisationId, ExcludeDrafts = true },
        _ => null,
    };
}
