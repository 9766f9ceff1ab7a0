using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Organisations;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Supervision;

/// <summary>What supervision needs of the organisation directory: an agency and its region path, the supervision office
/// that issues notices for a region (<see cref="SupervisingOffice"/>) with the path of its own region, an organisation's
/// region path, and the short name an issuer prints in its numbers.</summary>
public sealed class SupervisionDirectory(IOrganisationDirectory directory, IOptions<SupervisionOptions> options)
{
    private static readonly string[] LevelSuffixes = ["街道", "省", "市", "区", "县", "镇", "乡"];

    /// <summary>The agency and its region path, or null when <paramref name="agencyId"/> is not an enforcement agency.</summary>
    public async Task<(Organisation Agency, string RegionPath)?> AgencyAsync(string agencyId)
    {
        var agency = await directory.FindOrganisationAsync(agencyId);
        if (agency is not { Kind: OrganisationKind.EnforcementAgency })
        {
            return null;
        }

        return (agency, await RegionPathOfAsync(agency.RegionId));
    }

    /// <summary>The region path of an organisation, or null when it is unknown.</summary>
    public async Task<string?> OrganisationPathAsync(string organisationId) =>
        await directory.FindOrganisationAsync(organisationId) is { } organisation ? await RegionPathOfAsync(organisation.RegionId) : null;

    /// <summary>The supervision office nearest <paramref name="regionPath"/> as an issuer (its id and its own region's path),
    /// or null when no region on the path has one.</summary>
    public async Task<InstrumentIssuer?> NoticeIssuerForAsync(string regionPath)
    {
        var officeId = await OfficeForAsync(regionPath);
        return officeId is not null && await OrganisationPathAsync(officeId) is { } path ? new InstrumentIssuer(officeId, path) : null;
    }

    /// <summary>The id of the supervision office nearest <paramref name="regionPath"/>.</summary>
    public async Task<string?> OfficeForAsync(string regionPath) =>
        SupervisingOffice.For(regionPath, await directory.ListOrganisationsAsync(OrganisationKind.SupervisionOffice));

    /// <summary>The configured short name of <paramref name="issuingBodyId"/>, else its region's name without the level's
    /// suffix.</summary>
    public async Task<string> ShortNameAsync(string issuingBodyId)
    {
        if (options.Value.BodyShortNames.TryGetValue(issuingBodyId, out var configured))
        {
            return configured;
        }

        var organisation = await directory.FindOrganisationAsync(issuingBodyId)
            ?? throw new InvalidOperationException($"The issuer {issuingBodyId} is not in the directory.");
        var name = new RegionTree(await directory.ListRegionsAsync()).Find(organisation.RegionId)?.Name ?? organisation.Name;
        var suffix = LevelSuffixes.FirstOrDefault(s => name.Length > s.Length && name.EndsWith(s, StringComparison.Ordinal));
        var shortName = suffix is null ? name : name[..^suffix.Length];
        return DocumentNumberTemplate.BodyShortError(shortName) is null ? shortName : organisation.Id;
    }

    private async Task<string> RegionPathOfAsync(string regionId) =>
        new RegionTree(await directory.ListRegionsAsync()).PathOf(regionId);
}
