using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Supervision;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Organisations;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Statistics;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Webhooks;
using CaseGrains.TestSupport;
using Npgsql;

namespace CaseGrains.Persistence.Tests.Support;

public sealed class PostgresBackend : IPersistenceBackend
{
    private readonly List<NpgsqlDataSource> otherProcesses = [];

    private PostgresBackend(PostgresDatabase database)
    {
        Database = database;
        Store = new PostgresCaseStore(database.DataSource);
        Queries = new PostgresCaseQueries(database.DataSource);
        Complaints = new PostgresComplaintStore(database.DataSource);
        ComplaintQueries = new PostgresComplaintQueries(database.DataSource);
        Statistics = new PostgresCaseStatistics(database.DataSource);
        Directory = new PostgresOrganisationDirectory(database.DataSource);
        Reminders = new PostgresReminderIndex(database.DataSource);
        Webhooks = new PostgresWebhookStore(database.DataSource);

        Feed = new PostgresNotificationFeed(database.DataSource);
        Inbox = new PostgresNotificationInbox(database.DataSource);
        Supervision = new PostgresSupervisionStore(database.DataSource);
        Outbox = new PostgresOutbox(database.DataSource);
    }

    public ISupervisionStore Supervision { get; }

    public ISupervisionOutbox Outbox { get; }

    public PostgresDatabase Database { get; }

    public ICaseStore Store { get; }

    public ICaseQueries Queries { get; }

    public IComplaintStore Complaints { get; }

    public IComplaintQueries ComplaintQueries { get; }
    public ICaseStatistics Statistics { get; }

    public IOrganisationDirectory Directory { get; }

    public IReminderIndex Reminders { get; }

    public IWebhookStore Webhooks { get; }

    public INotificationFeed Feed { get; }

    public INotificationInbox Inbox { get; }

    public static async Task<PostgresBackend> CreateAsync() => new(await PostgresDatabase.CreateAsync());

    public (ICaseStore Store, IOrganisationDirectory Directory) ConnectAnotherProcess()
    {
        var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        otherProcesses.Add(dataSource);
        return (new PostgresCaseStore(dataSource), new PostgresOrganisationDirectory(dataSource));
    }

    public IWebhookStore ConnectAnotherWebhookStore()
    {
        var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        otherProcesses.Add(dataSource);
        return new PostgresWebhookStore(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in otherProcesses)
        {
            await dataSource.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
