using System.Globalization;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Cases;
using CaseGrains.Api.Http;
using CaseGrains.Api.Supervision;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Organisations;
using CaseGrains.Persistence.Statistics;
using CaseGrains.Persistence.Supervision;
using static CaseGrains.Api.Http.QueryParameters;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// Live figures (统计): answered from the case rows by <see cref="ICaseStatistics"/>, over exactly the cases the caller
/// may list (<see cref="CaseAccessPolicy.ScopeOf"/>, as <c>GET /cases</c>), so a figure never counts a case its reader
/// could not see. A caller whose scope is empty gets zero counts and null rates. The figures of supervision
/// instruments (opinion letters issued, open notices, overdue rectifications) count the instruments the caller may list
/// (<c>GET /supervision/instruments</c>'s scope): the body's own for its officers and head, those against the agency for
/// its staff, those against agencies of the supervisor's region or escalated to it for a supervisor, all for an
/// administrator, none for an applicant or intake clerk. A drafted instrument never counts, so the agency's exclusion
/// of drafts changes nothing here.
/// </summary>
public static class StatisticsEndpoints
{
    public const int MaxRankingLimit = 1000;

    private static readonly Dictionary<string, AgencyRankingOrder> Sorts = new(StringComparer.Ordinal)
    {
        ["correctionRate"] = AgencyRankingOrder.CorrectionRate,
        ["overdueRectifications"] = AgencyRankingOrder.OverdueRectifications,
    };

    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        var statistics = api.MapGroup("/statistics").WithTags("Statistics").RequirePrincipal();
        statistics.MapGet("/", FiguresAsync).WithSummary("The figures over the cases you may see, by region, body, agency and period");
        statistics.MapGet("/agencies", RankingAsync).WithSummary("Agencies ranked by correction rate or overdue rectifications (the supervisor's view)");
        statistics.MapGet("/agencies/{agencyId}", ProfileAsync).WithSummary("An agency's profile: figures, decisions by type, flaws by month, open instruments");
        return api;
    }

    private static async Task<IResult> FiguresAsync(HttpContext http, IOrganisationDirectory directory, ICaseStatistics statistics, CancellationToken ct)
    {
        var (filters, errors) = await StatisticsFilters.ReadAsync(http.Request.Query, directory, agencyAllowed: true, ct);
        if (filters is null)
        {
            return Problems.Invalid(errors);
        }

        var query = QueryFor(http, filters);
        var counts = query is null ? CaseCounts.Zero : await statistics.CountAsync(query, ct);
        var instruments = InstrumentQueryFor(http, filters);
        var letters = instruments is null ? 0 : await statistics.CountOpinionLettersIssuedAsync(instruments, ct);
        return Results.Ok(FiguresView.Of(filters, counts, letters));
    }

    private static async Task<IResult> RankingAsync(HttpContext http, IOrganisationDirectory directory, ICaseStatistics statistics, CancellationToken ct)
    {
        var (filters, errors) = await StatisticsFilters.ReadAsync(http.Request.Query, directory, agencyAllowed: false, ct);
        var limit = Parse<int?>(http.Request.Query, "limit", errors, raw => Number(raw, 1, MaxRankingLimit)) ?? 100;
        var sort = Parse<AgencyRankingOrder?>(http.Request.Query, "sort", errors, raw => Sorts.TryGetValue(raw, out var order)
            ? (order, null)
            : (null, $"expected one of {string.Join(", ", Sorts.Keys)}")) ?? AgencyRankingOrder.CorrectionRate;
        if (filters is null || errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var query = QueryFor(http, filters);
        var corrections = query is null ? [] : await statistics.CountByAgencyAsync(query, ct);
        var instruments = InstrumentQueryFor(http, filters);
        var open = (instruments is null ? [] : await statistics.CountOpenInstrumentsByAgencyAsync(instruments, ct))
            .ToDictionary(a => a.AgencyId, StringComparer.Ordinal);
        var ranked = AgencySupervision.Rank(
            [
                .. corrections.Select(c => Row(c, open.GetValueOrDefault(c.AgencyId) ?? AgencyInstrumentCounts.None(c.AgencyId))),
                .. open.Values.Where(o => !corrections.Any(c => c.AgencyId == o.AgencyId))
                    .Select(o => Row(new AgencyCorrections(o.AgencyId, CaseCounts.Zero), o)),
            ],
            sort);
        var organisations = (await directory.ListOrganisationsAsync(OrganisationKind.EnforcementAgency, ct)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        return Results.Ok(new AgencyRankingView(
            filters,
            sort,
            ranked.Count,
            [
                .. ranked.Take(limit).Select((row, i) =>
                {
                    var a = row.Corrections;
                    var agency = organisations.GetValueOrDefault(a.AgencyId);
                    return new RankedAgencyView(
                        i + 1,
                        a.AgencyId,
                        agency?.Name,
                        agency?.RegionId,
                        a.Counts.CasesEnded,
                        a.Counts.Decisions,
                        a.Counts.CorrectingDecisions,
                        a.Counts.WithdrawnAfterAgencyCorrected,
                        a.CorrectionRate,
                        a.DirectCorrectionRate,
                        CasesOf(a.AgencyId),
                        row.OpenNotices,
                        row.OverdueRectifications);
                }),
            ]));

        static AgencySupervision Row(AgencyCorrections corrections, AgencyInstrumentCounts instruments) =>
            new(corrections, instruments.OpenNotices, instruments.OverdueRectifications);
    }

    private static async Task<IResult> ProfileAsync(
        string agencyId, HttpContext http, IOrganisationDirectory directory, ICaseStatistics statistics, CancellationToken ct)
    {
        var agency = await directory.FindOrganisationAsync(agencyId, ct);
        if (agency?.Kind != OrganisationKind.EnforcementAgency)
        {
            return Problems.NotFound("执法机关", $"No enforcement agency has the id '{agencyId}'.");
        }

        var (filters, errors) = await StatisticsFilters.ReadAsync(http.Request.Query, directory, agencyAllowed: false, ct);
        if (filters is null)
        {
            return Problems.Invalid(errors);
        }

        filters = filters with { AgencyId = agencyId };
        var query = QueryFor(http, filters);
        var counts = query is null ? CaseCounts.Zero : await statistics.CountAsync(query, ct);
        var activity = query is null ? new CaseActivity(0, [], []) : await statistics.ActivityAsync(query, ct);
        var instruments = InstrumentQueryFor(http, filters);
        var letters = instruments is null ? 0 : await statistics.CountOpinionLettersIssuedAsync(instruments, ct);
        var open = instruments is null ? [] : await statistics.ListOpenInstrumentsAsync(instruments, ct);
        return Results.Ok(new AgencyProfileView(
            agency.Id,
            agency.Name,
            agency.RegionId,
            activity.OpenCases,
            FiguresView.Of(filters, counts, letters),
            activity.DecisionsByType,
            [.. activity.FlawsByMonth.Select(f => new MonthlyFlawCountView(f.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), f.Flaw, f.Count))],
            CasesOf(agency.Id),
            open.Count,
            open.Count(i => i.Overdue),
            open));
    }

    /// <summary>The store's query for the filters within the caller's scope; null when the caller may see no case.</summary>
    private static StatisticsQuery? QueryFor(HttpContext http, StatisticsFilters filters)
    {
        var scope = CaseAccessPolicy.ScopeOf(http.GetPrincipal());
        return scope.IsNothing
            ? null
            : new StatisticsQuery
            {
                Scope = CaseListEndpoint.ListScopeOf(scope),
                RegionId = filters.RegionId,
                CompetentBodyId = filters.BodyId,
                RespondentAgencyId = filters.AgencyId,
                Period = filters.Period(),
            };
    }

    /// <summary>The store's instrument query for the filters within the caller's instrument scope (the instrument
    /// list's); null when the caller may see no instrument.</summary>
    private static InstrumentStatisticsQuery? InstrumentQueryFor(HttpContext http, StatisticsFilters filters) =>
        InstrumentListEndpoint.ScopeOf(http.GetPrincipal(), new InstrumentListQuery()) is not { } scope
            ? null
            : new InstrumentStatisticsQuery
            {
                ScopeAgencyId = scope.ScopeAgencyId,
                ScopeIssuingBodyId = scope.ScopeIssuingBodyId,
                ScopeRegionPath = scope.ScopeRegionPath,
                RegionId = filters.RegionId,
                IssuingBodyId = filters.BodyId,
                AgencyId = filters.AgencyId,
                Period = filters.Period(),
            };

    private static string CasesOf(string agencyId) => "/api/v1/cases?respondentAgencyId=" + Uri.EscapeDataString(agencyId);
}
