using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Supervision;
using CaseGrains.Persistence.Organisations;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Statistics;
using CaseGrains.Persistence.Webhooks;

namespace CaseGrains.Persistence.Tests.Support;

/// <summary>One storage (a fresh PostgreSQL database, or one in-memory database) seen through its contracts.</summary>
public interface IPersistenceBackend : IAsyncDisposable
{
    ICaseStore Store { get; }

    ICaseQueries Queries { get; }

    IComplaintStore Complaints { get; }

    IComplaintQueries ComplaintQueries { get; }
    ICaseStatistics Statistics { get; }

    IOrganisationDirectory Directory { get; }

    IReminderIndex Reminders { get; }

    IWebhookStore Webhooks { get; }

    INotificationFeed Feed { get; }

    INotificationInbox Inbox { get; }

    ISupervisionStore Supervision { get; }

    ISupervisionOutbox Outbox { get; }

    /// <summary>The same storage as another process would see it: its own stores (and, for PostgreSQL, its own connection pool).</summary>
    (ICaseStore Store, IOrganisationDirectory Directory) ConnectAnotherProcess();

    /// <summary>The webhook store as another process would see it (for PostgreSQL, over its own connection pool).</summary>
    IWebhookStore ConnectAnotherWebhookStore();
}
