using CaseGrains.Abstractions;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Api.Organisations;

/// <summary>Regions and organisations: read by everyone, changed by administrators (PUT is idempotent by nature).</summary>
public static class OrganisationEndpoints
{
    private static readonly IReadOnlyDictionary<string, OrganisationKind> Kinds = EnumNames.Lookup<OrganisationKind>();

    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("Organisations").RequirePrincipal();
        regions.MapGet("/", async (IOrganisationDirectory directory, CancellationToken ct) => Results.Ok(await directory.ListRegionsAsync(ct)));
        regions.MapPut("/{regionId}", PutRegionAsync).Accepts<RegionInput>("application/json").RequireAdministrator();

        var organisations = api.MapGroup("/organisations").WithTags("Organisations").RequirePrincipal();
        organisations.MapGet("/", ListAsync);
        organisations.MapGet("/{organisationId}", async (string organisationId, IOrganisationDirectory directory, CancellationToken ct) =>
            await directory.FindOrganisationAsync(organisationId, ct) is { } found
                ? Results.Ok(found)
                : Problems.NotFound("机构", $"No organisation has the id '{organisationId}'."));
        organisations.MapPut("/{organisationId}", PutOrganisationAsync).Accepts<OrganisationInput>("application/json").RequireAdministrator();
        return api;
    }

    private static async Task<IResult> ListAsync(string? kind, IOrganisationDirectory directory, CancellationToken ct)
    {
        if (kind is not null && !Kinds.ContainsKey(kind))
        {
            return Problems.Invalid("kind", $"expected one of {string.Join(", ", Kinds.Keys)}");
        }

        return Results.Ok(await directory.ListOrganisationsAsync(kind is null ? null : Kinds[kind], ct));
    }

    private static async Task<IResult> PutRegionAsync(string regionId, HttpRequest request, IOrganisationDirectory directory, CancellationToken ct)
    {
        var (input, _, bodyError) = await JsonBody.ReadAsync<RegionInput>(request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var region = new Region(regionId, input!.Name, input.Level, input.ParentId);
        var errors = OrganisationRules.Validate(region, new RegionTree(await directory.ListRegionsAsync(ct)));
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        await directory.UpsertRegionAsync(region, ct);
        return Results.Ok(region);
    }

    private static async Task<IResult> PutOrganisationAsync(string organisationId, HttpRequest request, IOrganisationDirectory directory, CancellationToken ct)
    {
        var (input, _, bodyError) = await JsonBody.ReadAsync<OrganisationInput>(request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var organisation = new Organisation(organisationId, input!.Name, input.Kind, input.RegionId, input.IntakeKind, input.BodyId);
        var existing = await directory.ListOrganisationsAsync(cancellationToken: ct);
        var errors = OrganisationRules.Validate(organisation, new RegionTree(await directory.ListRegionsAsync(ct)), [.. existing])
            .ToDictionary(e => e.Key, e => new[] { e.Value });
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        await directory.UpsertOrganisationAsync(organisation, ct);
        return Results.Ok(organisation);
    }
}
