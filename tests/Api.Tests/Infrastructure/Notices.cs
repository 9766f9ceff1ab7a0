using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>
/// Notifications written the way the case grain writes them, in a commit of their case, through the gateway's own
/// <see cref="ICaseStore"/>: the read side's tests need them before the grain writes any. The case is received over HTTP;
/// each commit then repeats its snapshot and index row at the next version. The grain keeps the version it last wrote,
/// so a case used here must not be acted on over HTTP afterwards.
/// </summary>
public sealed class Notices(GatewayFactory factory, CaseClient receiver)
{
    private readonly Dictionary<string, string> applicantOf = new(StringComparer.Ordinal);

    /// <summary>Receives a case whose applicant is <paramref name="applicantName"/> (unique, to find its list row) and
    /// returns its id.</summary>
    public async Task<string> CaseAsync(string applicantName)
    {
        var id = (await receiver.ReceivedAsync(Applications.TrafficFine(applicantName))).Id;
        applicantOf[id] = applicantName;
        return id;
    }

    /// <summary>Commits the notifications to the case.</summary>
    public async Task AppendAsync(string caseId, params NotificationDraft[] notifications)
    {
        var store = factory.Services.GetRequiredService<ICaseStore>();
        var queries = factory.Services.GetRequiredService<ICaseQueries>();
        var stored = await store.LoadAsync(caseId) ?? throw new InvalidOperationException($"No case {caseId}.");
        var row = (await queries.ListAsync(new CaseListQuery { Today = Dates.ChinaToday, Text = applicantOf[caseId] })).Items.Single();
        var version = stored.Version + 1;
        var now = DateTimeOffset.UtcNow;
        await store.AppendAsync(new CaseCommit(
            caseId,
            stored.Version,
            stored.SnapshotJson,
            row with { Version = version, UpdatedAt = now },
            new CaseHistoryEntry(version, now, "reminder-scheduler", row.CompetentBodyId, "reminderFired", null, "{}", null),
            Notifications: notifications));
    }

    public static NotificationDraft ToUser(string userId, string title) =>
        new("reminderFired", null, null, userId, title, title + "：复议期限即将届满。", """{"deadline": "review", "step": "advanceWarning"}""");

    public static NotificationDraft ToOrganisation(string organisationId, string title, string? role = null) =>
        new("reminderFired", organisationId, role, null, title, title + "：复议期限即将届满。", """{"deadline": "review", "step": "dueToday"}""");
}
