namespace CaseGrains.Hosting;

/// <summary>
/// How a process of the platform runs, bound from configuration. With no <see cref="PostgresConnectionString"/>
/// everything is in memory on one machine (the embedded default); with one, clustering, grain state,
/// reminders and our tables live in PostgreSQL.
/// </summary>
public sealed class PlatformOptions
{
    /// <summary>From <c>ConnectionStrings:Postgres</c>.</summary>
    public string? PostgresConnectionString { get; set; }

    public string ClusterId { get; set; } = "casegrains";

    public string ServiceId { get; set; } = "casegrains";

    /// <summary>The address other silos and gateways reach this silo at; loopback unless set (containers set their own IP).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public int SiloPort { get; set; } = 11111;

    /// <summary>The silo's name in the membership table and the dashboard; Orleans makes one up when unset.</summary>
    public string? SiloName { get; set; }

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Whether the API process also hosts a silo (the default) or is only a gateway client of a cluster.</summary>
    public PlatformRole Role { get; set; } = PlatformRole.CoHosted;

    /// <summary>From <c>PersonalData:Key</c>: base64 of the 32-byte key that encrypts ID and phone numbers at rest.</summary>
    public string? PersonalDataKey { get; set; }

    /// <summary>Development runs generate missing keys (kept in ~/.casegrains); elsewhere a missing key stops start-up.</summary>
    public bool GenerateMissingKeys { get; set; }

    /// <summary>How long a gateway waits for a grain's answer (Orleans' default is 30 s). A request sent to a silo just
    /// before it died is answered by nothing; this bounds how long it hangs before the gateway retries it or answers 503.</summary>
    public TimeSpan GatewayResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether the silos move existing activations onto a silo that joins (only with PostgreSQL, where there
    /// can be several silos).</summary>
    public bool Rebalancing { get; set; } = true;

    /// <summary>Whether this process runs the Orleans Dashboard: on a silo its grains, a profiler that times every grain
    /// call, and a metric reader that walks Orleans' directory cache every second; on a gateway <c>/dashboard/</c>. Off,
    /// a fully loaded in-memory silo made 8–11% more case actions (bench transitions-memory, three pairs). Set it alike
    /// on every process of a cluster.</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Whether the silo runs in a Kubernetes pod (Orleans' Kubernetes hosting: POD_NAME, POD_NAMESPACE, POD_IP).</summary>
    public bool Kubernetes { get; set; }

    public bool IsDurable => !string.IsNullOrWhiteSpace(PostgresConnectionString);
}
