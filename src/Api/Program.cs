using CaseGrains.Api.Auth;
using CaseGrains.Api.Calendar;
using CaseGrains.Api.Cases;
using CaseGrains.Api.Cluster;
using CaseGrains.Api.Complaints;
using CaseGrains.Api.Hosting;
using CaseGrains.Api.Http;
using CaseGrains.Api.Notifications;
using CaseGrains.Hosting.Logging;
using CaseGrains.Api.Organisations;
using CaseGrains.Api.Statistics;
using CaseGrains.Api.Supervision;
using CaseGrains.Api.Webhooks;
using CaseGrains.Hosting;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
var platform = builder.Configuration.ReadPlatformOptions(builder.Environment);

builder.AddCaseGrainsLogging();
builder.AddCaseGrainsPlatform(platform);
builder.AddCaseGrainsAuthentication();
builder.Services.AddCaseGrainsApi(builder.Configuration);
builder.Services.AddCaseGrainsNotificationStream(builder.Configuration);

var app = builder.Build();
await app.Services.PrepareStorageAsync(platform);

// Outermost, so that each request's line has the status it was answered with: inside the exception handler, a
// refused request (a query parameter that does not bind, a 503 while PostgreSQL is away) was logged as a 500 with
// its stack trace. Through this host's logger, not the static one, which the last host built in the process owns.
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<SafeRetryMiddleware>();

var api = app.MapGroup("/api/v1");
api.MapCaseEndpoints();
api.MapComplaintEndpoints();
api.MapOrganisationEndpoints();
api.MapWebhookEndpoints();
api.MapCalendarEndpoints();
api.MapNotificationEndpoints();
api.MapAgencyEndpoints();
api.MapInstrumentEndpoints();
api.MapStatisticsEndpoints();
api.MapClusterEndpoints();
api.MapDevTokenEndpoints(app.Environment);
app.MapCaseGrainsOperations();
if (platform.Dashboard)
{
    app.MapCaseGrainsDashboard();
}

app.AnnounceDurability(platform);
await app.RunAsync();

/// <summary>The gateway's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
