using System.Diagnostics;
using System.Globalization;
using CaseGrains.Api.Cases;

namespace CaseGrains.Bench.Gateway;

/// <summary>
/// The gateway of the HTTP scenarios, run in a child process: src/Api's own entry point, unchanged (real Kestrel, its
/// co-hosted silo, its middleware, logging and rate limits), configured by the environment <see cref="GatewayProcess"/>
/// gives it. The parent's stop request (a line on standard input, or its closing) stops it as SIGTERM would.
/// </summary>
public static class GatewayHost
{
    public const string Mode = "gateway";

    public static Task<int> RunAsync(string[] args)
    {
        var entryPoint = typeof(CaseEndpoints).Assembly.EntryPoint
            ?? throw new InvalidOperationException("the gateway assembly has no entry point");
        // SIGTERM, as a service manager stops the gateway: the host then stops gracefully (its silo leaves the membership
        // table, its log is written out). Environment.Exit did neither: the next gateway on the same database waited
        // about 95 s for this silo to be declared dead, and the last 0.2 s of the log was lost.
        _ = Task.Run(async () =>
        {
            await Console.In.ReadLineAsync();
            using var kill = Process.Start("kill", ["-TERM", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        });
        entryPoint.Invoke(null, [args]);
        return Task.FromResult(0);
    }
}
