using System.Globalization;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Organisations;
using static CaseGrains.Api.Http.QueryParameters;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// The filters of every statistics endpoint, read strictly from the query string: <c>regionId</c> (with its
/// subregions), <c>bodyId</c> (the competent reconsideration body), <c>agencyId</c> (the respondent agency), and the
/// period <c>from</c>–<c>to</c> (Beijing dates, both included, either may be left open). A malformed date, a period
/// that ends before it starts, or an id the directory does not know as that kind of organisation is a 400 naming
/// the parameter: a figure over a misspelt region would otherwise read as a true zero.
/// </summary>
public sealed record StatisticsFilters(string? RegionId, string? BodyId, string? AgencyId, DateOnly? From, DateOnly? To)
{
    public StatisticsPeriod Period() => new(From, To);

    public static async Task<(StatisticsFilters? Filters, Dictionary<string, string[]> Errors)> ReadAsync(
        IQueryCollection query, IOrganisationDirectory directory, bool agencyAllowed, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filters = new StatisticsFilters(
            Text(query, "regionId", errors),
            Text(query, "bodyId", errors),
            agencyAllowed ? Text(query, "agencyId", errors) : null,
            Parse<DateOnly?>(query, "from", errors, Date),
            Parse<DateOnly?>(query, "to", errors, Date));
        if (!agencyAllowed && query.ContainsKey("agencyId"))
        {
            errors["agencyId"] = ["not a filter here: the agency is part of the path"];
        }

        if (filters.Period().IsEmpty)
        {
            errors["to"] = [$"the period ends ({filters.To:yyyy-MM-dd}) before it starts ({filters.From:yyyy-MM-dd})"];
        }

        if (filters.RegionId is { } regionId && !errors.ContainsKey("regionId")
            && new RegionTree(await directory.ListRegionsAsync(cancellationToken)).Find(regionId) is null)
        {
            errors["regionId"] = [$"no region has the id '{regionId}'"];
        }

        await CheckKindAsync(directory, filters.BodyId, "bodyId", OrganisationKind.ReconsiderationBody, errors, cancellationToken);
        await CheckKindAsync(directory, filters.AgencyId, "agencyId", OrganisationKind.EnforcementAgency, errors, cancellationToken);
        return (errors.Count == 0 ? filters : null, errors);
    }

    private static async Task CheckKindAsync(
        IOrganisationDirectory directory, string? id, string parameter, OrganisationKind kind, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (id is null || errors.ContainsKey(parameter))
        {
            return;
        }

        var organisation = await directory.FindOrganisationAsync(id, cancellationToken);
        if (organisation?.Kind != kind)
        {
            errors[parameter] = [$"no {Abstractions.EnumNames.Of(kind)} has the id '{id}'"];
        }
    }

    private static (DateOnly? Value, string? Error) Date(string raw) =>
        DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (null, "expected a date as yyyy-MM-dd");
}
