namespace CaseGrains.Api.Http;

/// <summary>
/// Whether a failure is the cluster or the database being out of reach (a silo died or is leaving, the gateway lost its
/// connection, PostgreSQL is down or restarting, a call timed out), which may pass, rather than a fault of the request.
/// Recognised by type name along the inner exceptions, since grain calls carry exceptions from silos that the gateway
/// may not reference (Npgsql's, Orleans' runtime's).
/// </summary>
public static class TransientFailures
{
    private static readonly string[] Markers =
        ["Npgsql", "Timeout", "SiloUnavailable", "ConnectionToClusterLost", "ConnectionFailed", "OrleansMessageRejection", "Socket", "ClusterClientNotConnected", "GatewayTooBusy"];

    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var name = e.GetType().FullName ?? string.Empty;
            if (Markers.Any(m => name.Contains(m, StringComparison.Ordinal)) || e.Message.Contains("Npgsql", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
