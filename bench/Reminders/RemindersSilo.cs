using CaseGrains.Bench.Hosting;
using CaseGrains.Bench.Measurement;
using CaseGrains.Domain.Time;
using CaseGrains.Hosting;
using CaseGrains.Hosting.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// The silo of the reminders scenario, run in a child process (<see cref="ChildProcess"/>) so that its peak memory is
/// its own. It is the silo src/Silo hosts, configured the same way from the environment the parent gives it (the run
/// database, the data set's personal-data key, free ports, the deadline scheduler on), with one difference: its clock
/// (<see cref="ShiftedClock"/>) starts <see cref="BenchTimeline.Lead"/> before the due steps' time. It says <c>ready</c>
/// with the real instant its clock started, runs until the parent asks it to stop, then says <c>stats</c>
/// (<see cref="RuntimeStats"/>).
/// </summary>
public static class RemindersSilo
{
    public const string Mode = "reminders-silo";

    public static async Task<int> RunAsync(string[] args)
    {
        var clock = new ShiftedClock(BenchTimeline.SiloClockStart);
        var builder = Host.CreateApplicationBuilder(args);
        var platform = builder.Configuration.ReadPlatformOptions(builder.Environment);
        builder.AddCaseGrainsLogging();
        builder.AddCaseGrainsSiloHost(platform);

        // After the storage's system clock: the last registration is the one grains are given.
        builder.Services.AddSingleton(new PlatformClock(clock));
        using var host = builder.Build();
        await host.Services.PrepareStorageAsync(platform);
        await host.StartAsync();
        ChildProtocol.Send("ready", new SiloReady(clock.RealStart));
        await ChildProtocol.WaitForStopAsync();
        ChildProtocol.Send("stats", RuntimeStats.OfThisProcess());
        await host.StopAsync();
        return 0;
    }
}

/// <summary>The silo is up; its clock showed <see cref="BenchTimeline.SiloClockStart"/> at <paramref name="ClockStartedAt"/> (real time).</summary>
public sealed record SiloReady(DateTimeOffset ClockStartedAt);
