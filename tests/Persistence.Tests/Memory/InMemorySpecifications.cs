using CaseGrains.Persistence.Tests.Specifications;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Memory;

public sealed class InMemoryCaseStoreTests : CaseStoreSpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemoryCaseQueriesTests(InMemoryCaseWorld world) : CaseQueriesSpecification(world), IClassFixture<InMemoryCaseWorld>;

public sealed class InMemoryOrganisationDirectoryTests : OrganisationDirectorySpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemoryReminderIndexTests : ReminderIndexSpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemoryNotificationCommitTests : NotificationCommitSpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemoryNotificationFeedTests : NotificationFeedSpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemoryNotificationInboxTests : NotificationInboxSpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemoryWebhookStoreTests : WebhookStoreSpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemorySupervisionStoreTests : SupervisionStoreSpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemoryComplaintStoreTests : ComplaintStoreSpecification
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}

public sealed class InMemoryCaseStatisticsTests(InMemoryStatisticsWorld world) : CaseStatisticsSpecification(world), IClassFixture<InMemoryStatisticsWorld>;
