using CaseGrains.Abstractions.Cluster;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Cluster;
using Orleans.Runtime.Placement;

namespace CaseGrains.Api.Cluster;

/// <summary>
/// The cluster for administrators (集群管理): its members, with their status, role and activations; the graceful removal
/// of one silo; and the record of those removals. A drain asks the silo itself, through its control grain placed on it,
/// to shut down as on SIGTERM.
/// </summary>
public static partial class ClusterEndpoints
{
    /// <summary>How long the silos have to report their statistics before the list goes out without them.</summary>
    private static readonly TimeSpan StatisticsTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Tries to reach a silo's control grain on that silo (placement honours the hint unless the silo is
    /// leaving or the directory is moving).</summary>
    private const int DrainAttempts = 3;

    private const int DefaultDrainsListed = 100;
    private const int MaxDrainsListed = 1000;

    private const string SiloNotActive = "silo_not_active";
    private const string LastActiveSilo = "last_active_silo";

    public static RouteGroupBuilder MapClusterEndpoints(this RouteGroupBuilder api)
    {
        var cluster = api.MapGroup("/cluster").WithTags("Cluster").RequirePrincipal().RequireAdministrator();
        cluster.MapGet("/members", ListMembersAsync)
            .WithSummary("The cluster's silos: address, status, role, start time, activations (?includeDead=true adds the dead)");
        cluster.MapPost("/members/{memberId}/drain", DrainAsync).Accepts<DrainInput>("application/json")
            .WithSummary("Remove a silo gracefully: it stops taking activations, hands over and leaves");
        cluster.MapGet("/drains", ListDrainsAsync)
            .WithSummary("The drain requests, newest first: silo, who asked, when, why, and the outcome (?limit=, 1-1000, default 100)");
        cluster.MapGet("/drains/{drainId:long}", FindDrainAsync)
            .WithSummary("One drain request, as the list shows it; the answer to a drain names it in its Location");
        return api;
    }

    private static async Task<IResult> ListMembersAsync(bool? includeDead, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ClusterEndpoints));
        var management = grains.GetGrain<IManagementGrain>(0);
        var members = await management.GetDetailedHosts(onlyActive: false);
        var listed = members.Where(m => includeDead == true || m.Status != SiloStatus.Dead).OrderBy(m => m.StartTime).ToList();
        SiloAddress[] active = [.. listed.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];
        var counts = ActivationCountsAsync(management, active, cancellationToken);
        var roles = await Task.WhenAll(active.Select(silo => RoleOfAsync(grains, silo, logger, cancellationToken)));
        var roleOf = active.Zip(roles).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!);
        var countOf = await counts;
        return Results.Ok(listed.Select(m => ClusterMemberView.Of(
            m,
            roleOf.GetValueOrDefault(m.SiloAddress),
            countOf.TryGetValue(m.SiloAddress, out var count) ? count : null)));
    }

    private static async Task<IResult> ListDrainsAsync(string? limit, IDrainLog drains, CancellationToken cancellationToken)
    {
        var take = DefaultDrainsListed;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxDrainsListed))
        {
            return Problems.Invalid("limit", $"A whole number from 1 to {MaxDrainsListed}.");
        }

        var records = await drains.ListAsync(take, cancellationToken);
        return Results.Ok(records.Select(DrainView.Of));
    }

    private static async Task<IResult> FindDrainAsync(long drainId, IDrainLog drains, CancellationToken cancellationToken) =>
        await drains.FindAsync(drainId, cancellationToken) is { } record
            ? Results.Ok(DrainView.Of(record))
            : Problems.NotFound("下线记录", $"No drain request {drainId}.");

    private static async Task<IResult> DrainAsync(string memberId, HttpContext http, IGrainFactory grains, IDrainLog drains, PlatformClock clock, ILoggerFactory loggers)
    {
        var (input, _, bodyError) = await JsonBody.ReadAsync<DrainInput>(http.Request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (string.IsNullOrWhiteSpace(input!.Reason) || input.Reason.Length > DrainRequestEntry.MaxReasonLength)
        {
            return Problems.Invalid("reason", $"Say why the silo is taken out of the cluster (at most {DrainRequestEntry.MaxReasonLength} characters).");
        }

        var members = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var member = members.FirstOrDefault(m => m.SiloAddress.ToParsableString() == memberId && m.Status != SiloStatus.Dead);
        if (member is null)
        {
            return Problems.NotFound("集群节点", $"No live silo {memberId} in the cluster.");
        }

        var principal = http.GetPrincipal();
        var entry = new DrainRequestEntry(memberId, member.SiloName ?? string.Empty, principal.UserId, clock.GetUtcNow(), input.Reason);
        if (member.Status != SiloStatus.Active)
        {
            await drains.RecordAsync(entry, DrainStatus.Refused, SiloNotActive, http.RequestAborted);
            return Results.Problem(Problems.Create(StatusCodes.Status409Conflict, SiloNotActive, "该节点不处于运行状态",
                $"Silo {memberId} is {member.Status}; only an active silo can be drained."));
        }

        if (!members.Any(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(member.SiloAddress)))
        {
            await drains.RecordAsync(entry, DrainStatus.Refused, LastActiveSilo, http.RequestAborted);
            return Results.Problem(Problems.Create(StatusCodes.Status409Conflict, LastActiveSilo, "不能移除最后一个运行中的节点",
                $"Silo {memberId} is the only active silo; start another before draining it."));
        }

        // Recorded before the silo is asked: a silo that leaves at once marks this request as done as it stops.
        var drainId = await drains.RecordAsync(entry, DrainStatus.Requested, null, http.RequestAborted);
        var request = new DrainRequest(principal.UserId, input.Reason);
        for (var attempt = 1; attempt <= DrainAttempts; attempt++)
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, member.SiloAddress);
            try
            {
                if (await grains.GetGrain<ISiloControlGrain>(memberId).Drain(request) == DrainOutcome.Started)
                {
                    await drains.AnsweredAsync(drainId, DrainStatus.Draining, CancellationToken.None);
                    LogDrainRequested(loggers.CreateLogger(typeof(ClusterEndpoints)), memberId, principal.UserId, input.Reason);
                    return Results.Accepted($"/api/v1/cluster/drains/{drainId}", ClusterMemberView.Of(member, null, null) with { Status = "draining" });
                }
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }

        await drains.AnsweredAsync(drainId, DrainStatus.Unreachable, CancellationToken.None);
        return Results.Problem(Problems.Create(StatusCodes.Status503ServiceUnavailable, "silo_unreachable", "暂时无法联系该节点",
            $"Silo {memberId} could not be reached through its control grain; retry, or stop its process (SIGTERM drains it too)."));
    }

    /// <summary>The silo's role, asked of its control grain placed on it; null when it does not answer in time or the
    /// grain answered from another silo, either logged with the reason (a role that stays unknown is worth a look). The
    /// placement hint is set in this method's own async flow, so it does not leak into the other silos' calls.</summary>
    private static async Task<string?> RoleOfAsync(IGrainFactory grains, SiloAddress silo, ILogger logger, CancellationToken cancellationToken)
    {
        var id = silo.ToParsableString();
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            var description = await grains.GetGrain<ISiloControlGrain>(id).Describe().WaitAsync(StatisticsTimeout, cancellationToken);
            if (description.SiloId != id)
            {
                LogRoleUnknown(logger, id, $"its control grain answered from {description.SiloId}");
                return null;
            }

            return description.Role;
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            LogRoleUnknown(logger, id, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private static async Task<Dictionary<SiloAddress, int>> ActivationCountsAsync(IManagementGrain management, SiloAddress[] silos, CancellationToken cancellationToken)
    {
        if (silos.Length == 0)
        {
            return [];
        }

        try
        {
            var statistics = await management.GetRuntimeStatistics(silos).WaitAsync(StatisticsTimeout, cancellationToken);
            return silos.Zip(statistics).ToDictionary(p => p.First, p => p.Second.ActivationCount);
        }
        catch (TimeoutException)
        {
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} is listed without its role: {Why}")]
    private static partial void LogRoleUnknown(ILogger logger, string silo, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drain of silo {Silo} requested by {RequestedBy}: {Reason}")]
    private static partial void LogDrainRequested(ILogger logger, string silo, string requestedBy, string reason);
}
