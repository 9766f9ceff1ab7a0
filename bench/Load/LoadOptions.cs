using System.Globalization;
using CaseGrains.Bench.Reminders;
using Npgsql;

namespace CaseGrains.Bench.Load;

/// <summary>
/// The options the load scenarios share: <c>--seconds</c> measured per phase, <c>--warmup</c> seconds not counted
/// before each, <c>--clients</c> concurrent clients, <c>--rate</c> requests per second (open loop), <c>--cases</c>
/// cases to prepare, <c>--connection</c> the PostgreSQL server (its database is where a scenario that only reads
/// looks; the others create and drop their own scratch database there).
/// </summary>
public sealed record LoadOptions(int Seconds, int WarmUp, int Clients, int Rate, int Cases, string Connection)
{
    /// <summary><c>--agencies</c>: how many enforcement agencies the walk's receipts go against, in turn
    /// (<see cref="Transitions.CaseWalk.Agencies"/>; <c>transitions-http</c> only).</summary>
    public int Agencies { get; init; } = 1;

    public const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=casegrains;Password=casegrains;Database=casegrains";

    public TimeSpan Measured => TimeSpan.FromSeconds(Seconds);

    public TimeSpan WarmUpTime => TimeSpan.FromSeconds(WarmUp);

    public static string Usage(string scenario, LoadOptions defaults) => $"""
        usage: {scenario} [--seconds N] [--warmup N] [--clients N] [--rate N] [--cases N] [--agencies N] [--connection "Host=..."]
          --seconds N     measured seconds per phase (default {defaults.Seconds})
          --warmup N      seconds of load before each phase, not counted (default {defaults.WarmUp})
          --clients N     concurrent clients (default {defaults.Clients})
          --rate N        requests per second of an open-loop phase (default {defaults.Rate})
          --cases N       cases the scenario prepares or reads (default {defaults.Cases})
          --agencies N    agencies the receipts of transitions-http go against in turn, 1-{Transitions.CaseWalk.Agencies.Count} (default {defaults.Agencies})
          --connection    the PostgreSQL server and database (default {new NpgsqlConnectionStringBuilder(defaults.Connection).Database} on 127.0.0.1:55432)
        """;

    /// <summary>The options in <paramref name="args"/> over <paramref name="defaults"/>, or why they are not valid.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args, LoadOptions defaults)
    {
        var options = defaults;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (i + 1 == args.Count)
            {
                return (null, $"unknown option or missing value: '{option}'");
            }

            var value = args[++i];
            if (option == "--connection")
            {
                options = options with { Connection = value };
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return (null, $"{option} takes a whole number of at least 1, not '{value}'");
            }

            if (option == "--agencies" && number > Transitions.CaseWalk.Agencies.Count)
            {
                return (null, $"--agencies takes 1 to {Transitions.CaseWalk.Agencies.Count}, not '{value}'");
            }

            options = option switch
            {
                "--seconds" => options with { Seconds = number },
                "--warmup" => options with { WarmUp = number },
                "--clients" => options with { Clients = number },
                "--rate" => options with { Rate = number },
                "--cases" => options with { Cases = number },
                "--agencies" => options with { Agencies = number },
                _ => null!,
            };
            if (options is null)
            {
                return (null, $"unknown option: '{option}'");
            }
        }

        return RemindersOptions.IsPlainIdentifier(new NpgsqlConnectionStringBuilder(options.Connection).Database ?? "")
            ? (options, null)
            : (null, "--connection must name a database whose name is lower-case letters, digits and underscores");
    }

    /// <summary>Parses or prints the usage; the scenario runs when this returns options.</summary>
    public static async Task<LoadOptions?> ParseOrExplainAsync(string scenario, IReadOnlyList<string> args, LoadOptions defaults)
    {
        var (options, error) = Parse(args, defaults);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"{error}\n{Usage(scenario, defaults)}");
        }

        return options;
    }
}
