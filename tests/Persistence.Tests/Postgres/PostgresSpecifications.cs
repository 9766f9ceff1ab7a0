using CaseGrains.Persistence.Tests.Specifications;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Postgres;

public sealed class PostgresCaseStoreTests : CaseStoreSpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresCaseQueriesTests(PostgresCaseWorld world) : CaseQueriesSpecification(world), IClassFixture<PostgresCaseWorld>;

public sealed class PostgresOrganisationDirectoryTests : OrganisationDirectorySpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresReminderIndexTests : ReminderIndexSpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresNotificationCommitTests : NotificationCommitSpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresNotificationFeedTests : NotificationFeedSpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresNotificationInboxTests : NotificationInboxSpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresWebhookStoreTests : WebhookStoreSpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresSupervisionStoreTests : SupervisionStoreSpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresComplaintStoreTests : ComplaintStoreSpecification
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class PostgresCaseStatisticsTests(PostgresStatisticsWorld world) : CaseStatisticsSpecification(world), IClassFixture<PostgresStatisticsWorld>;
