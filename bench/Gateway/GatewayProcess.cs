using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CaseGrains.Api.Auth;
using CaseGrains.Bench.Hosting;
using CaseGrains.Domain.Access;
using Microsoft.IdentityModel.Tokens;

namespace CaseGrains.Bench.Gateway;

/// <summary>
/// A gateway (<see cref="GatewayHost"/>) in a child process on a free loopback port, on the PostgreSQL database it is
/// given, in the Production environment: compact JSON logs (to <see cref="LogPath"/>), a signing key and a
/// personal-data key generated for the run, and src/Api's runtime settings. The bench mints its tokens with that signing
/// key. The only setting changed from production's defaults is the intake rate limit per staff account (600 a minute),
/// which 64 clients would hit.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly ChildProcess child;
    private readonly DevelopmentTokenIssuer issuer;

    private GatewayProcess(ChildProcess child, Uri baseAddress, DevelopmentTokenIssuer issuer)
    {
        this.child = child;
        this.issuer = issuer;
        BaseAddress = baseAddress;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public Uri BaseAddress { get; }

    /// <summary>One client for all the bench's requests, with a connection per concurrent request (up to 512).</summary>
    public HttpClient Client { get; }

    public int ProcessId => child.Id;

    public string LogPath => child.LogPath;

    /// <summary>Starts a gateway on <paramref name="connectionString"/>'s database (the schema and the demo directory are
    /// applied at its start, as always) and waits until it answers ready. <paramref name="personalDataKey"/> is shared by
    /// every gateway a scenario starts on one database.</summary>
    public static async Task<GatewayProcess> StartAsync(string connectionString, string personalDataKey, string name, TextWriter progress)
    {
        var signingKey = RandomNumberGenerator.GetBytes(32);
        var port = FreePorts.Next();
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__Postgres"] = connectionString,
            ["PersonalData__Key"] = personalDataKey,
            ["Auth__SigningKey"] = Convert.ToBase64String(signingKey),
            ["Platform__SiloPort"] = FreePorts.NextText(),
            ["Platform__GatewayPort"] = FreePorts.NextText(),
            ["RateLimiting__StaffIntakePerMinute"] = "1000000",

            // src/Api's runtime configuration (TieredPGO false in its project), which this executable does not carry.
            ["DOTNET_TieredPGO"] = "0",
        };
        var logPath = Path.Combine(Path.GetTempPath(), $"casegrains-bench-{name}-gateway.log");
        var child = ChildProcess.Start(GatewayHost.Mode, environment, logPath);
        var gateway = new GatewayProcess(
            child, new Uri($"http://127.0.0.1:{port}/"), new DevelopmentTokenIssuer(new AuthOptions(), new SymmetricSecurityKey(signingKey), TimeProvider.System));
        try
        {
            await gateway.WaitUntilReadyAsync();
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        progress.WriteLine($"gateway {child.Id} ready at {gateway.BaseAddress} (log: {logPath})");
        return gateway;
    }

    /// <summary>A bearer header for <paramref name="userId"/> of <paramref name="organisationId"/> in <paramref name="role"/>, signed with the run's key.</summary>
    public AuthenticationHeaderValue TokenFor(string userId, string organisationId, Role role) =>
        new("Bearer", issuer.Issue(userId, organisationId, role, TimeSpan.FromHours(2)).Token);

    private async Task WaitUntilReadyAsync()
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartTimeout)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited before it was ready; see {child.LogPath}");
            }

            try
            {
                using var response = await Client.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new InvalidOperationException($"the gateway was not ready within {StartTimeout.TotalSeconds:N0} s; see {child.LogPath}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await child.StopAsync(TimeSpan.FromSeconds(30));
        await child.DisposeAsync();
    }
}
