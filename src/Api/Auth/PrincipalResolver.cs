using System.Collections.Concurrent;
using System.Security.Claims;
using CaseGrains.Abstractions;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Api.Auth;

/// <summary>
/// Turns a validated token into the domain's <see cref="Principal"/>: user, organisation, role, and the path of
/// the organisation's region (what a supervisor's scope is measured against). Region paths are kept for a
/// minute, so a moved organisation is seen everywhere within that time.
/// </summary>
public sealed class PrincipalResolver(IOrganisationDirectory directory, PlatformClock clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private static readonly IReadOnlyDictionary<string, Role> Roles = EnumNames.Lookup<Role>();
    private readonly ConcurrentDictionary<string, (string? Path, DateTimeOffset At)> paths = new(StringComparer.Ordinal);

    public async Task<(Principal? Principal, string? Problem)> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(CaseGrainsClaims.Subject);
        var organisationId = user.FindFirstValue(CaseGrainsClaims.Organisation);
        var roleName = user.FindFirstValue(CaseGrainsClaims.Role);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(organisationId) || roleName is null || !Roles.TryGetValue(roleName, out var role))
        {
            return (null, "The token must carry sub, org and a known role.");
        }

        var path = await RegionPathOfAsync(organisationId, cancellationToken);
        return path is null
            ? (null, $"The token's organisation '{organisationId}' is not in the directory.")
            : (new Principal(userId, organisationId, role, path), null);
    }

    private async Task<string?> RegionPathOfAsync(string organisationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (paths.TryGetValue(organisationId, out var cached) && now - cached.At < Freshness)
        {
            return cached.Path;
        }

        var organisation = await directory.FindOrganisationAsync(organisationId, cancellationToken);
        string? path = null;
        if (organisation is not null)
        {
            path = new RegionTree(await directory.ListRegionsAsync(cancellationToken)).PathOf(organisation.RegionId);
        }

        paths[organisationId] = (path, now);
        return path;
    }
}
