using CaseGrains.Abstractions.Cluster;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using Orleans.Runtime.Placement;

namespace CaseGrains.Api.Cluster;

/// <summary>
/// The cluster for administrators (集群管理): its members, with their status and activations, and the graceful removal
/// of one silo. A drain asks the silo itself, through its control grain placed on it, to shut down as on SIGTERM.
/// </summary>
public static partial class ClusterEndpoints
{
    /// <summary>How long the silos have to report their statistics before the list goes out without them.</summary>
    private static readonly TimeSpan StatisticsTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Tries to reach a silo's control grain on that silo (placement honours the hint unless the silo is
    /// leaving or the directory is moving).</summary>
    private const int DrainAttempts = 3;

    public static RouteGroupBuilder MapClusterEndpoints(this RouteGroupBuilder api)
    {
        var cluster = api.MapGroup("/cluster").WithTags("Cluster").RequirePrincipal().RequireAdministrator();
        cluster.MapGet("/members", ListMembersAsync)
            .WithSummary("The cluster's silos: address, status, role, start time, activations (?includeDead=true adds the dead)");
        cluster.MapPost("/members/{memberId}/drain", DrainAsync).Accepts<DrainInput>("application/json")
            .WithSummary("Remove a silo gracefully: it stops taking activations, hands over and leaves");
        return api;
    }

    private static async Task<IResult> ListMembersAsync(bool? includeDead, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var members = await management.GetDetailedHosts(onlyActive: false);
        var listed = members.Where(m => includeDead == true || m.Status != SiloStatus.Dead).OrderBy(m => m.StartTime).ToList();
        var counts = await ActivationCountsAsync(management, [.. listed.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)], cancellationToken);
        return Results.Ok(listed.Select(m => ClusterMemberView.Of(m, counts.TryGetValue(m.SiloAddress, out var count) ? count : null)));
    }

    private static async Task<IResult> DrainAsync(string memberId, HttpContext http, IGrainFactory grains, ILoggerFactory loggers)
    {
        var (input, _, bodyError) = await JsonBody.ReadAsync<DrainInput>(http.Request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (string.IsNullOrWhiteSpace(input!.Reason))
        {
            return Problems.Invalid("reason", "Say why the silo is taken out of the cluster.");
        }

        var members = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var member = members.FirstOrDefault(m => m.SiloAddress.ToParsableString() == memberId && m.Status != SiloStatus.Dead);
        if (member is null)
        {
            return Problems.NotFound("集群节点", $"No live silo {memberId} in the cluster.");
        }

        if (member.Status != SiloStatus.Active)
        {
            return Results.Problem(Problems.Create(StatusCodes.Status409Conflict, "silo_not_active", "该节点不处于运行状态",
                $"Silo {memberId} is {member.Status}; only an active silo can be drained."));
        }

        if (!members.Any(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(member.SiloAddress)))
        {
            return Results.Problem(Problems.Create(StatusCodes.Status409Conflict, "last_active_silo", "不能移除最后一个运行中的节点",
                $"Silo {memberId} is the only active silo; start another before draining it."));
        }

        var principal = http.GetPrincipal();
        var request = new DrainRequest(principal.UserId, input.Reason);
        for (var attempt = 1; attempt <= DrainAttempts; attempt++)
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, member.SiloAddress);
            try
            {
                if (await grains.GetGrain<ISiloControlGrain>(memberId).Drain(request) == DrainOutcome.Started)
                {
                    LogDrainRequested(loggers.CreateLogger(typeof(ClusterEndpoints)), memberId, principal.UserId, input.Reason);
                    return Results.Accepted("/api/v1/cluster/members", ClusterMemberView.Of(member, null) with { Status = "draining" });
                }
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }

        return Results.Problem(Problems.Create(StatusCodes.Status503ServiceUnavailable, "silo_unreachable", "暂时无法联系该节点",
            $"Silo {memberId} could not be reached through its control grain; retry, or stop its process (SIGTERM drains it too)."));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drain of silo {Silo} requested by {RequestedBy}: {Reason}")]
    private static partial void LogDrainRequested(ILogger logger, string silo, string requestedBy, string reason);
}
