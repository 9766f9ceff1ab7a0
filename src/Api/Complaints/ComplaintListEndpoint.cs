using CaseGrains.Abstractions;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Complaints;
using static CaseGrains.Api.Http.QueryParameters;

namespace CaseGrains.Api.Complaints;

/// <summary><c>GET /api/v1/complaints</c>: filters from the query string, answered from the complaint list rows and
/// limited to the caller's scope (<see cref="ComplaintAccessPolicy.ScopeOf"/>). Every malformed parameter is named in the
/// 400 answer.</summary>
public static class ComplaintListEndpoint
{
    private static readonly IReadOnlyDictionary<string, ComplaintStatus> Statuses = EnumNames.Lookup<ComplaintStatus>();
    private static readonly IReadOnlyDictionary<string, ComplaintKind> Kinds = EnumNames.Lookup<ComplaintKind>();
    private static readonly Dictionary<string, ComplaintSort> Sorts = new(StringComparer.Ordinal)
    {
        ["answerDue"] = ComplaintSort.AnswerDue,
        ["receivedNewestFirst"] = ComplaintSort.ReceivedNewestFirst,
    };

    public static async Task<IResult> ListAsync(HttpContext http, IComplaintQueries queries, PlatformClock clock, CancellationToken cancellationToken)
    {
        var q = http.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var query = new ComplaintListQuery
        {
            Today = ChinaTime.Today(clock),
            Statuses = Parse<IReadOnlyList<string>>(q, "status", errors, raw =>
            {
                var names = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var unknown = names.Where(n => !Statuses.ContainsKey(n)).ToList();
                return unknown.Count == 0
                    ? ((IReadOnlyList<string>)names, null)
                    : (null, $"unknown status {string.Join(", ", unknown)}; expected any of {string.Join(", ", Statuses.Keys)}");
            }),
            Kind = Parse<string>(q, "kind", errors, raw => Kinds.ContainsKey(raw)
                ? (raw, null)
                : (null, $"expected one of {string.Join(", ", Kinds.Keys)}")),
            AgencyId = Text(q, "agencyId", errors),
            HandlingOfficeId = Text(q, "handlingOfficeId", errors),
            RegionId = Text(q, "regionId", errors),
            Overdue = Parse<bool?>(q, "overdue", errors, Boolean),
            Substantiated = Parse<bool?>(q, "substantiated", errors, Boolean),
            Text = Text(q, "q", errors),
            Sort = Parse<ComplaintSort?>(q, "sort", errors, raw => Sorts.TryGetValue(raw, out var sort)
                ? (sort, null)
                : (null, $"expected one of {string.Join(", ", Sorts.Keys)}")) ?? ComplaintSort.AnswerDue,
            Page = Parse<int?>(q, "page", errors, raw => Number(raw, 1, 1_000_000)) ?? 1,
            PageSize = Parse<int?>(q, "pageSize", errors, raw => Number(raw, 1, ComplaintListQuery.MaxPageSize)) ?? 20,
        };
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var scope = ComplaintAccessPolicy.ScopeOf(http.GetPrincipal());
        return scope.IsNothing
            ? Results.Ok(new ComplaintPage([], 0, query.Page, query.PageSize))
            : Results.Ok(await queries.ListAsync(query with { ScopeRegionPath = scope.RegionPathPrefix }, cancellationToken));
    }
}
