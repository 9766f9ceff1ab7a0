using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Memory;
using CaseGrains.Persistence.Organisations;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Tests.Support;

public sealed class InMemoryBackend : IPersistenceBackend
{
    private readonly InMemoryDatabase database = new();

    public InMemoryBackend()
    {
        Store = new InMemoryCaseStore(database);
        Queries = new InMemoryCaseQueries(database);
        Directory = new InMemoryOrganisationDirectory(database);
        Reminders = new InMemoryReminderIndex(database);
        Feed = new InMemoryNotificationFeed(database);
        Inbox = new InMemoryNotificationInbox(database);
    }

    public ICaseStore Store { get; }

    public ICaseQueries Queries { get; }

    public IOrganisationDirectory Directory { get; }

    public IReminderIndex Reminders { get; }

    public INotificationFeed Feed { get; }

    public INotificationInbox Inbox { get; }

    public (ICaseStore Store, IOrganisationDirectory Directory) ConnectAnotherProcess() =>
        (new InMemoryCaseStore(database), new InMemoryOrganisationDirectory(database));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
