using CaseGrains.Persistence.Postgres;
using Npgsql;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// What the silo recorded during a run, read from the history after it stopped: every entry written on its clock (at
/// or after <see cref="BenchTimeline.SiloClockStart"/>; everything loaded is older). A due case's due-today step of its
/// review deadline is "fired"; its lateness is the entry's time (the silo's clock) minus T. Anything else written in the
/// run, to a due case or not, is "other": it must not happen. The history chains of a sample of the fired cases are
/// verified through the store (<see cref="PostgresCaseStore.VerifyHistoryAsync"/>): the silo's entry chained onto the
/// loaded ones.
/// </summary>
public sealed record FiringOutcome(
    int Due,
    IReadOnlyList<double> LatenessSeconds,
    int Duplicates,
    int Others,
    long StillDueInIndex,
    int ChainsChecked,
    int ChainsBroken)
{
    private const int ChainSample = 200;

    /// <summary>Due steps recorded within the window (lateness ≤ <see cref="BenchTimeline.Window"/>).</summary>
    public int FiredInWindow => LatenessSeconds.Count(s => s <= BenchTimeline.Window.TotalSeconds);

    public int Missed => Due - FiredInWindow;

    /// <summary>Recorded before T: a step delivered early.</summary>
    public int Early => LatenessSeconds.Count(s => s < 0);

    public static async Task<FiringOutcome> ReadAsync(NpgsqlDataSource dataSource, int due)
    {
        var firstFiring = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var (duplicates, others) = (0, 0);
        await using (var command = dataSource.CreateCommand("""
            SELECT h.case_id, h.at, d.case_id IS NOT NULL AND h.action = 'fireReminder' AND h.payload ->> 'kind' = $2 AND h.payload ->> 'step' = $3
              FROM case_history h LEFT JOIN bench_due_cases d USING (case_id)
             WHERE h.at >= $1
            """))
        {
            command.Parameters.Add(new() { Value = BenchTimeline.SiloClockStart });
            command.Parameters.Add(new() { Value = CaseRows.ReviewKind });
            command.Parameters.Add(new() { Value = CaseRows.DueTodayStep });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (caseId, at) = (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
                if (!reader.GetBoolean(2))
                {
                    others++;
                }
                else if (firstFiring.TryGetValue(caseId, out var earlier))
                {
                    duplicates++;
                    firstFiring[caseId] = at < earlier ? at : earlier;
                }
                else
                {
                    firstFiring[caseId] = at;
                }
            }
        }

        await using var stillDue = dataSource.CreateCommand("SELECT count(*) FROM reminder_schedule WHERE fire_at <= $1");
        stillDue.Parameters.Add(new() { Value = BenchTimeline.DueAt });
        var store = new PostgresCaseStore(dataSource);
        var sample = firstFiring.Keys.Order(StringComparer.Ordinal).Take(ChainSample).ToList();
        var broken = 0;
        foreach (var caseId in sample)
        {
            broken += (await store.VerifyHistoryAsync(caseId)).Intact ? 0 : 1;
        }

        return new FiringOutcome(
            due,
            [.. firstFiring.Values.Select(at => (at - BenchTimeline.DueAt).TotalSeconds).Order()],
            duplicates,
            others,
            (long)(await stillDue.ExecuteScalarAsync())!,
            sample.Count,
            broken);
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 to 1) of the lateness of every due step; null when
    /// that rank was not recorded at all (later than the run watched).</summary>
    public double? Percentile(double p)
    {
        var rank = Math.Max(1, (int)Math.Ceiling(p * Due));
        return rank <= LatenessSeconds.Count ? LatenessSeconds[rank - 1] : null;
    }
}
