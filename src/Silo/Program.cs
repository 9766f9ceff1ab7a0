using CaseGrains.Hosting;
using CaseGrains.Hosting.Logging;

// A silo of the production shape: joins the cluster through the PostgreSQL membership table; gateways
// (src/Api with Platform:Role=Gateway) connect to it as Orleans clients. With the argument "migrate" it is the schema
// step of a deployment instead: it applies the schema and seeds the directory, then exits (deploy/ runs it once before
// the silos; a silo does the same at start-up anyway, under an advisory lock, so the step only makes it explicit).
var builder = Host.CreateApplicationBuilder(args);
var platform = builder.Configuration.ReadPlatformOptions(builder.Environment);
if (!platform.IsDurable)
{
    throw new InvalidOperationException("A separate silo needs ConnectionStrings:Postgres; for a single process without a database run src/Api.");
}

builder.AddCaseGrainsLogging();
builder.AddCaseGrainsSiloHost(platform);

var host = builder.Build();
await host.Services.PrepareStorageAsync(platform);
if (args.Contains("migrate", StringComparer.Ordinal))
{
    return;
}

await host.RunAsync();
