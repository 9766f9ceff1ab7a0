using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Supervision;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Memory;
using CaseGrains.Persistence.Organisations;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Statistics;
using CaseGrains.Persistence.Webhooks;

namespace CaseGrains.Persistence.Tests.Support;

public sealed class InMemoryBackend : IPersistenceBackend
{
    private readonly InMemoryDatabase database = new();

    public InMemoryBackend()
    {
        Store = new InMemoryCaseStore(database);
        Queries = new InMemoryCaseQueries(database);
        Complaints = new InMemoryComplaintStore(database);
        ComplaintQueries = new InMemoryComplaintQueries(database);
        Statistics = new InMemoryCaseStatistics(database);
        Directory = new InMemoryOrganisationDirectory(database);
        Reminders = new InMemoryReminderIndex(database);
        Feed = new InMemoryNotificationFeed(database);
        Inbox = new InMemoryNotificationInbox(database);
        Supervision = new InMemorySupervisionStore(database);
        Outbox = new InMemoryOutbox(database);
    }

    public ISupervisionStore Supervision { get; }

    public ISupervisionOutbox Outbox { get; }

    public ICaseStore Store { get; }

    public ICaseQueries Queries { get; }

    public IComplaintStore Complaints { get; }

    public IComplaintQueries ComplaintQueries { get; }
    public ICaseStatistics Statistics { get; }

    public IOrganisationDirectory Directory { get; }

    public IReminderIndex Reminders { get; }

    /// <summary>An in-memory store is one process's: "another process" shares its rows, as another connection would.</summary>
    public IWebhookStore Webhooks { get; } = new InMemoryWebhookStore();

    public INotificationFeed Feed { get; }

    public INotificationInbox Inbox { get; }

    public (ICaseStore Store, IOrganisationDirectory Directory) ConnectAnotherProcess() =>
        (new InMemoryCaseStore(database), new InMemoryOrganisationDirectory(database));

    public IWebhookStore ConnectAnotherWebhookStore() => Webhooks;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
