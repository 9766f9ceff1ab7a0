using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Cluster;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Memory;
using CaseGrains.Persistence.Migrations;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Organisations;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Supervision;
using CaseGrains.Persistence.Statistics;
using CaseGrains.Persistence.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Hosting;

public static class StorageRegistration
{
    /// <summary>Registers our own stores: on PostgreSQL when the platform is durable, otherwise in memory.</summary>
    public static IServiceCollection AddCaseGrainsStorage(this IServiceCollection services, PlatformOptions options)
    {
        services.AddSingleton(PlatformClock.RealTime);
        services.AddSingleton(new PersonalDataProtector(PersonalDataKeyOf(options)));
        if (options.IsDurable)
        {
            services.AddSingleton(_ => CreateDataSource(options.PostgresConnectionString!));
            services.AddSingleton<ICaseStore, PostgresCaseStore>();
            services.AddSingleton<ICaseQueries, PostgresCaseQueries>();
            services.AddSingleton<IComplaintStore, PostgresComplaintStore>();
            services.AddSingleton<IComplaintQueries, PostgresComplaintQueries>();
            services.AddSingleton<ICaseStatistics, PostgresCaseStatistics>();
            services.AddSingleton<IOrganisationDirectory, PostgresOrganisationDirectory>();
            services.AddSingleton<IReminderIndex, PostgresReminderIndex>();
            services.AddSingleton<IWebhookStore, PostgresWebhookStore>();
            services.AddSingleton<ISupervisionStore, PostgresSupervisionStore>();
            services.AddSingleton<ISupervisionOutbox, PostgresOutbox>();
            services.AddSingleton<IDrainLog, PostgresDrainLog>();

            services.AddSingleton<INotificationFeed, PostgresNotificationFeed>();
            services.AddSingleton<INotificationInbox, PostgresNotificationInbox>();
        }
        else
        {
            services.AddSingleton<InMemoryDatabase>();
            services.AddSingleton<ICaseStore, InMemoryCaseStore>();
            services.AddSingleton<ICaseQueries, InMemoryCaseQueries>();
            services.AddSingleton<IComplaintStore, InMemoryComplaintStore>();
            services.AddSingleton<IComplaintQueries, InMemoryComplaintQueries>();
            services.AddSingleton<ICaseStatistics, InMemoryCaseStatistics>();
            services.AddSingleton<IOrganisationDirectory, InMemoryOrganisationDirectory>();
            services.AddSingleton<IReminderIndex, InMemoryReminderIndex>();
            services.AddSingleton<IWebhookStore, InMemoryWebhookStore>();
            services.AddSingleton<ISupervisionStore, InMemorySupervisionStore>();
            services.AddSingleton<ISupervisionOutbox, InMemoryOutbox>();
            services.AddSingleton<IDrainLog, InMemoryDrainLog>();

            services.AddSingleton<INotificationFeed, InMemoryNotificationFeed>();
            services.AddSingleton<INotificationInbox, InMemoryNotificationInbox>();
        }

        return services;
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString) =>
        NpgsqlDataSource.Create(PostgresConnectionDefaults.Apply(connectionString));

    private static PersonalDataKey PersonalDataKeyOf(PlatformOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PersonalDataKey))
        {
            return PersonalDataKey.FromBase64(options.PersonalDataKey);
        }

        return options.GenerateMissingKeys
            ? PersonalDataKey.FromBase64(DevelopmentSecrets.LoadOrCreate("personal-data-key"))
            : throw new InvalidOperationException("Set PersonalData:Key (base64 of 32 random bytes) to encrypt personal data at rest.");
    }

    /// <summary>
    /// Prepares storage before Orleans starts: applies the schema (PostgreSQL) and loads the Liaoning demo
    /// organisations into an empty directory. Safe when several processes start at once.
    /// </summary>
    public static async Task PrepareStorageAsync(this IServiceProvider services, PlatformOptions options, CancellationToken cancellationToken = default)
    {
        if (options.IsDurable)
        {
            await SchemaMigrator.MigrateAsync(services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
        }

        await services.GetRequiredService<IOrganisationDirectory>().SeedIfEmptyAsync(LiaoningDemo.Regions, LiaoningDemo.Organisations, cancellationToken);
    }
}
