using CaseGrains.Hosting;
using CaseGrains.Hosting.Logging;

// A silo of the production shape: joins the cluster through the PostgreSQL membership table; gateways
// (src/Api with Platform:Role=Gateway) connect to it as Orleans clients.
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
await host.RunAsync();
