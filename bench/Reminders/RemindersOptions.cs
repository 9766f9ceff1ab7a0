using System.Globalization;
using Npgsql;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// The options of the reminders scenario: <c>--cases N</c> open cases, <c>--due N</c> of them with a step due at the
/// same instant, <c>--connection</c> the database that keeps the data set, <c>--reuse</c> to skip loading when that
/// data set is already there and intact.
/// </summary>
public sealed record RemindersOptions(int Cases, int Due, string Connection, bool Reuse)
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=55432;Username=casegrains;Password=casegrains;Database=casegrains_bench";

    public const string Usage = """
        usage: reminders [--cases N] [--due N] [--connection "Host=...;Database=..."] [--reuse]
          --cases N       open cases to load (default 1000000)
          --due N         of them, cases whose next reminder step comes due at the same instant (default 100000)
          --connection    the database that keeps the data set (default the 55432 server, database casegrains_bench);
                          each run works on a copy of it, <database>_run, dropped afterwards
          --reuse         skip loading when the data set is present, intact and of the same size
        """;

    /// <summary>The options in <paramref name="args"/>, or the reason they are not valid.</summary>
    public static (RemindersOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var (cases, due, connection, reuse) = (1_000_000, 100_000, DefaultConnection, false);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option == "--reuse")
            {
                reuse = true;
                continue;
            }

            if (option is not ("--cases" or "--due" or "--connection") || i + 1 == args.Count)
            {
                return (null, $"unknown option or missing value: '{option}'");
            }

            var value = args[++i];
            if (option == "--connection")
            {
                connection = value;
            }
            else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return (null, $"{option} takes a whole number, not '{value}'");
            }
            else if (option == "--cases")
            {
                cases = number;
            }
            else
            {
                due = number;
            }
        }

        if (cases < 1 || due < 1 || due > cases)
        {
            return (null, $"need 1 <= --due <= --cases (got --cases {cases}, --due {due})");
        }

        var database = new NpgsqlConnectionStringBuilder(connection).Database;
        if (string.IsNullOrEmpty(database) || !IsPlainIdentifier(database))
        {
            return (null, "--connection must name a database whose name is lower-case letters, digits and underscores");
        }

        return (new RemindersOptions(cases, due, connection, reuse), null);
    }

    /// <summary>The database that keeps the loaded data set.</summary>
    public string DataSetDatabase => new NpgsqlConnectionStringBuilder(Connection).Database!;

    /// <summary>The copy of the data set a run works on: the run changes the cases it fires, the data set stays as loaded.</summary>
    public string RunDatabase => DataSetDatabase + "_run";

    // Database names are spliced into CREATE/DROP DATABASE, which take no parameters.
    internal static bool IsPlainIdentifier(string name) =>
        name.Length <= 50 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') && !char.IsAsciiDigit(name[0]);
}
