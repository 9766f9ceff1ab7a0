using System.Net;
using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Serialization;
using CaseGrains.Grains;
using CaseGrains.Grains.Calendar;
using CaseGrains.Grains.Cases;
using CaseGrains.Grains.Cluster;
using CaseGrains.Grains.Complaints;
using CaseGrains.Grains.Organisations;
using CaseGrains.Grains.Scheduling;
using CaseGrains.Grains.Supervision;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;

namespace CaseGrains.Hosting;

public static class SiloSetup
{
    private const string Invariant = "Npgsql";

    /// <summary>Everything a silo of the platform needs, on PostgreSQL or, in the embedded default, in memory.</summary>
    public static ISiloBuilder ConfigureCaseGrainsSilo(this ISiloBuilder silo, PlatformOptions options)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        if (options.SiloName is { Length: > 0 } name)
        {
            silo.Configure<SiloOptions>(o => o.SiloName = name);
        }

        silo.Services.AddSerializer(s => s.AddCaseGrainsSerialization());
        silo.Services.AddSingleton<GrainReferences>();
        silo.Services.AddSingleton<ICalendarSource, CalendarSource>();
        silo.Services.AddOptions<DeadlineRecomputationOptions>()
            .BindConfiguration(DeadlineRecomputationOptions.Section)
            .Validate(o => o.BatchSize > 0 && o.Parallelism > 0 && o.Attempts > 0, "Recomputation:BatchSize, Parallelism and Attempts must be at least 1.");
        silo.AddDeadlineScheduling();
        silo.AddSupervision();
        silo.Services.AddOptions<ComplaintOptions>()
            .BindConfiguration(ComplaintOptions.Section)
            .Validate(o => o.AnswerDays is >= 1 and <= Domain.Complaints.ComplaintPeriods.MaxAnswerDays, "Complaints:AnswerDays must be 1 to 365.")
            .ValidateOnStart();
        silo.Services.AddSingleton<CaseMetrics>();
        silo.Services.AddSingleton<DirectoryCopy>();
        silo.Services.AddSingleton<NoticeMetrics>();
        silo.AddActivityPropagation();
        silo.UseDirectoryCacheWithoutSizeGauge();
        if (options.Dashboard)
        {
            silo.AddDashboard();
        }

        silo.AddSiloControl(options);

        if (options.IsDurable)
        {
            silo.AddClusterOperations(options);
            silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: options.AdvertisedAddress != "127.0.0.1");
            silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> o) => o.Configure<NpgsqlDataSource>((x, dataSource) =>
            {
                x.Invariant = Invariant;
                x.DataSource = dataSource;
            }));
            silo.AddAdoNetGrainStorage(StorageNames.Default, (OptionsBuilder<AdoNetGrainStorageOptions> o) => o.Configure<NpgsqlDataSource>((x, dataSource) =>
            {
                x.Invariant = Invariant;
                x.DataSource = dataSource;
            }));
            silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> o) => o.Configure<NpgsqlDataSource>((x, dataSource) =>
            {
                x.Invariant = Invariant;
                x.DataSource = dataSource;
            }));
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.UseInMemoryReminderService();
        }

        return silo;
    }

    /// <summary>Enforcement supervision (section <c>Supervision</c>): its directory look-ups, the messenger that delivers
    /// outbox messages, the deliveries that cases and complaints start after answering, and the relay every silo runs for
    /// what a commit's own delivery missed.</summary>
    private static void AddSupervision(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<SupervisionOptions>()
            .BindConfiguration(SupervisionOptions.Section)
            .Validate(o => o.NoticeDays is >= 1 and <= Domain.Supervision.SupervisionPeriods.MaxNoticeDays, "Supervision:NoticeDays must be 1-365.")
            .Validate(o => o.RelayBatchSize > 0 && o.RelayInterval > TimeSpan.Zero, "Supervision:RelayBatchSize and RelayInterval must be positive.")
            .Validate(o => o.DeliveriesInFlight > 0, "Supervision:DeliveriesInFlight must be positive.");
        silo.Services.AddSingleton<SupervisionDirectory>();
        silo.Services.AddSingleton<SupervisionMessenger>();
        silo.Services.AddSingleton<BackgroundDelivery>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<BackgroundDelivery>());
        silo.Services.AddSingleton<SupervisionOutboxRelay>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<SupervisionOutboxRelay>());
    }

    /// <summary>What each silo's control grain needs (its role in the members list) and the record of a drained silo's
    /// departure, by itself as it stops or by the others when it was declared dead first.</summary>
    private static void AddSiloControl(this ISiloBuilder silo, PlatformOptions options)
    {
        silo.Services.AddSingleton(new LocalSiloRole(EnumNames.Of(options.Role)));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DrainExitRecorder>();
        silo.Services.AddOptions<DrainOptions>()
            .BindConfiguration(DrainOptions.Section)
            .Validate(o => o.DeadSiloGrace >= TimeSpan.Zero, "Drains:DeadSiloGrace must not be negative.");
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DeadSiloDrainRecorder>();
    }

    /// <summary>
    /// What running several silos needs beyond clustering: existing activations spread onto a silo that joins (Orleans'
    /// activation rebalancer, section <c>Rebalancing</c> binding <see cref="ActivationRebalancerOptions"/>; off with
    /// <c>Platform:Rebalancing=false</c>), and, on Kubernetes (<c>Platform:Kubernetes=true</c>), the agent that deletes the
    /// pods of silos declared dead and declares dead the silos whose pods are gone.
    /// </summary>
    private static void AddClusterOperations(this ISiloBuilder silo, PlatformOptions options)
    {
        if (options.Rebalancing)
        {
#pragma warning disable ORLEANSEXP002 // Experimental in Orleans 10: the issue asks for rebalancing, and it is the supported way.
            silo.AddActivationRebalancer();
#pragma warning restore ORLEANSEXP002
            silo.Services.AddOptions<ActivationRebalancerOptions>().BindConfiguration("Rebalancing");
        }

        if (options.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }
    }

    /// <summary>The reminder policy and the scheduler partitions, their keeper and metrics (sections <c>Reminders</c> and
    /// <c>Scheduling</c>).</summary>
    private static void AddDeadlineScheduling(this ISiloBuilder silo)
    {
        silo.Services.AddMetrics();
        silo.Services.AddOptions<DeadlineSchedulingOptions>().BindConfiguration(DeadlineSchedulingOptions.Section);
        silo.Services.AddSingleton(services => ReminderPolicyConfiguration.Read(services.GetRequiredService<IConfiguration>()));
        silo.Services.AddSingleton<SchedulingMetrics>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DeadlineSchedulerKeeper>();
    }
}
