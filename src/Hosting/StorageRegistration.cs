using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Memory;
using CaseGrains.Persistence.Migrations;
using CaseGrains.Persistence.Organisations;
using CaseGrains.Persistence.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Hosting;

public static class StorageRegistration
{
    /// <summary>Registers our own stores: on PostgreSQL when the platform is durable, otherwise in memory.</summary>
    public static IServiceCollection AddCaseGrainsStorage(this IServiceCollection services, PlatformOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        if (options.IsDurable)
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(options.PostgresConnectionString!));
            services.AddSingleton<ICaseStore, PostgresCaseStore>();
            services.AddSingleton<ICaseQueries, PostgresCaseQueries>();
            services.AddSingleton<IOrganisationDirectory, PostgresOrganisationDirectory>();
        }
        else
        {
            services.AddSingleton<InMemoryDatabase>();
            services.AddSingleton<ICaseStore, InMemoryCaseStore>();
            services.AddSingleton<ICaseQueries, InMemoryCaseQueries>();
            services.AddSingleton<IOrganisationDirectory, InMemoryOrganisationDirectory>();
        }

        return services;
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
