using CaseGrains.Api.Cases;

namespace CaseGrains.Bench.Gateway;

/// <summary>
/// The gateway of the HTTP scenarios, run in a child process: src/Api's own entry point, unchanged (real Kestrel, its
/// co-hosted silo, its middleware, logging and rate limits), configured by the environment <see cref="GatewayProcess"/>
/// gives it. The parent's stop request (a line on standard input, or its closing) ends the process.
/// </summary>
public static class GatewayHost
{
    public const string Mode = "gateway";

    public static Task<int> RunAsync(string[] args)
    {
        var entryPoint = typeof(CaseEndpoints).Assembly.EntryPoint
            ?? throw new InvalidOperationException("the gateway assembly has no entry point");
        _ = Task.Run(async () =>
        {
            await Console.In.ReadLineAsync();
            Environment.Exit(0);
        });
        entryPoint.Invoke(null, [args]);
        return Task.FromResult(0);
    }
}
