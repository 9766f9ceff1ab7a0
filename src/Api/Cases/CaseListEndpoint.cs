using System.Globalization;
using CaseGrains.Abstractions;
using CaseGrains.Api.Auth;
using CaseGrains.Domain.Access;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.PersonalData;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Cases;
using static CaseGrains.Api.Http.QueryParameters;

namespace CaseGrains.Api.Cases;

/// <summary>
/// <c>GET /api/v1/cases</c>: filters from the query string, answered from the case index in the database.
/// Every malformed parameter is named in the 400 answer.
/// </summary>
public static class CaseListEndpoint
{
    public const int MaxPageSize = 200;

    private static readonly IReadOnlyDictionary<string, CaseStatus> Statuses = EnumNames.Lookup<CaseStatus>();
    private static readonly IReadOnlyDictionary<string, ApplicationChannel> Channels = EnumNames.Lookup<ApplicationChannel>();
    private static readonly Dictionary<string, CaseSort> Sorts = new(StringComparer.Ordinal)
    {
        ["nearestDeadline"] = CaseSort.NearestDeadline,
        ["receivedNewestFirst"] = CaseSort.ReceivedNewestFirst,
        ["receivedOldestFirst"] = CaseSort.ReceivedOldestFirst,
    };

    public static async Task<IResult> ListAsync(HttpContext http, ICaseQueries queries, PlatformClock clock, CancellationToken cancellationToken)
    {
        var q = http.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var query = new CaseListQuery
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
            ReceivingBodyId = Text(q, "receivingBodyId", errors),
            CompetentBodyId = Text(q, "competentBodyId", errors),
            RespondentAgencyId = Text(q, "respondentAgencyId", errors),
            RegionId = Text(q, "regionId", errors),
            Channel = Parse<string>(q, "channel", errors, raw => Channels.ContainsKey(raw)
                ? (raw, null)
                : (null, $"unknown channel; expected one of {string.Join(", ", Channels.Keys)}")),
            EnterpriseRelated = Parse<bool?>(q, "enterpriseRelated", errors, Boolean),
            DueBefore = Parse<DateOnly?>(q, "dueBefore", errors, raw =>
                DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date, null)
                    : (null, "expected a date as yyyy-MM-dd")),
            Overdue = Parse<bool?>(q, "overdue", errors, Boolean),
            Text = Text(q, "q", errors),
            Sort = Parse<CaseSort?>(q, "sort", errors, raw => Sorts.TryGetValue(raw, out var sort)
                ? (sort, null)
                : (null, $"expected one of {string.Join(", ", Sorts.Keys)}")) ?? CaseSort.NearestDeadline,
            Page = Parse<int?>(q, "page", errors, raw => Number(raw, 1, 1_000_000)) ?? 1,
            PageSize = Parse<int?>(q, "pageSize", errors, raw => Number(raw, 1, MaxPageSize)) ?? 20,
        };
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var principal = http.GetPrincipal();
        var scope = CaseAccessPolicy.ScopeOf(principal);
        if (scope.IsNothing)
        {
            return Results.Ok(new CasePage([], 0, query.Page, query.PageSize));
        }

        var page = await queries.ListAsync(query with { Scope = ListScopeOf(scope) }, cancellationToken);
        return Results.Ok(CaseRedaction.ShowsApplicantAccount(CaseAccessPolicy.VisibilityWithinScope(principal.Role))
            ? page
            : page with { Items = [.. page.Items.Select(row => row with { ApplicantUserId = null })] });
    }

    /// <summary>The rows the access policy lets the caller see, in the persistence layer's terms (also what the
    /// statistics count).</summary>
    internal static CaseListScope? ListScopeOf(CaseScope scope) => scope switch
    {
        { All: true } => null,
        { ApplicantUserId: { } user } => CaseListScope.Applicant(user),
        { IntakePointId: { } intakePoint } => CaseListScope.IntakePoint(intakePoint),
        { BodyId: { } body } => CaseListScope.Body(body),
        { RespondentAgencyId: { } agency } => CaseListScope.RespondentAgency(agency),
        { RegionPathPrefix: { } path } => CaseListScope.Region(path),
        _ => throw new InvalidOperationException("An access scope that selects nothing is answered before the query."),
    };
}
