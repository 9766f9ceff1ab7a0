using Npgsql;

namespace CaseGrains.Persistence.Postgres;

/// <summary>
/// Commits concurrent one-statement subject commits (<see cref="PostgresCaseStore"/>, <see cref="PostgresComplaintStore"/>)
/// of different subjects in shared transactions. Under load PostgreSQL spent its time per commit on the transaction, not
/// the statement: each waited for its own WAL flush behind the others' (<c>LWLock:WALWrite</c>, <c>IO:WALSync</c>) and
/// took its own locks on every index of the subject's table (<c>LWLock:LockManager</c>). A batch is one
/// <see cref="NpgsqlBatch"/>: one round trip and one implicit transaction, so one flush for all of its commits.
/// <para>
/// A caller is answered only after the transaction committed. A commit whose version check failed writes no row and
/// fails alone (<see cref="PendingSubjectCommit.Committed"/>) while the others commit. Any error rolls the whole batch
/// back; its commits are then run again one by one, so a faulty commit fails alone with its own exception (a reused
/// idempotency key) and the others are written. An error that ends the session (severity FATAL or PANIC, e.g. the server
/// shutting down) or is not PostgreSQL's (the connection broke) fails every commit of the batch, as it would have failed
/// each alone: the commit may have happened, so running them again could report a written commit as a conflict.
/// </para>
/// <para>
/// With a <see cref="ISubjectCommitCombiner"/>, the commits it accepts go in one statement, the first of the batch, and
/// the rest follow one statement each. Both take subjects in id order, so two batches touching the same rows mostly lock
/// them in the same order; where they do not, PostgreSQL's deadlock check fails one batch, which then runs one by one.
/// </para>
/// <para>
/// A commit, once waiting, is no longer cancelled: it may already be on its way to the server with the others.
/// </para>
/// </summary>
internal sealed class SubjectCommitBatcher
{
    // A commit's statement is looked up by keys alone, so its generic plan is the plan its custom ones come to. Left to
    // itself PostgreSQL plans it five more times on each pooled connection before it settles on the generic one; with a
    // hundred connections that was one commit in seventeen planned, at several milliseconds each (17 indexes on cases).
    // Set for the batch's implicit transaction only (set_config's is_local; SET LOCAL would warn outside an explicit
    // transaction block), so nothing else on the connection is affected.
    private const string GenericPlans = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true)";

    private readonly NpgsqlDataSource dataSource;
    private readonly SubjectCommitBatching settings;
    private readonly ISubjectCommitCombiner? combiner;
    private readonly Lock gate = new();
    private readonly Queue<PendingSubjectCommit> waiting = new();

    /// <summary>Transactions running; commits wait only while it is at <see cref="SubjectCommitBatching.MaxConcurrentBatches"/>.</summary>
    private int running;

    /// <param name="combiner">Writes the commits it accepts in one statement per batch; null runs one statement per commit.</param>
    public SubjectCommitBatcher(NpgsqlDataSource dataSource, SubjectCommitBatching settings, ISubjectCommitCombiner? combiner = null)
    {
        settings.Validate();
        this.dataSource = dataSource;
        this.settings = settings;
        this.combiner = combiner;
    }

    public Task CommitAsync(PendingSubjectCommit commit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (running == settings.MaxConcurrentBatches)
            {
                waiting.Enqueue(commit);
                return commit.Outcome;
            }

            running++;
        }

        // On the thread pool: the transactions that follow this one belong to no caller, and must not run on the calling
        // grain's scheduler.
        _ = Task.Run(() => RunAsync([commit]));
        return commit.Outcome;
    }

    /// <summary>Runs <paramref name="batch"/>, then the commits that waited meanwhile, until none is left. Never throws:
    /// every commit taken is answered.</summary>
    private async Task RunAsync(List<PendingSubjectCommit> batch)
    {
        while (true)
        {
            await ExecuteAsync(batch);
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    running--;
                    return;
                }

                batch = new List<PendingSubjectCommit>(Math.Min(waiting.Count, settings.MaxBatchSize));
                while (batch.Count < settings.MaxBatchSize && waiting.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
            }
        }
    }

    private async Task ExecuteAsync(List<PendingSubjectCommit> batch)
    {
        var ordered = batch.OrderBy(c => c.SubjectId, StringComparer.Ordinal).ToList();
        var combined = Combinable(ordered);
        var alone = combined.Count == 0 ? ordered : ordered.Except(combined).ToList();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var statements = new NpgsqlBatch(connection);
            statements.BatchCommands.Add(new NpgsqlBatchCommand(GenericPlans));
            if (combined.Count > 0)
            {
                statements.BatchCommands.Add(combiner!.Combine(combined));
            }

            foreach (var commit in alone)
            {
                statements.BatchCommands.Add(commit.CreateCommand());
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await statements.ExecuteReaderAsync())
            {
                // The first result is set_config's; the combined statement's, when there is one, is the next.
                if (combined.Count > 0 && await reader.NextResultAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        written.Add(reader.GetString(0));
                    }
                }

                while (await reader.NextResultAsync())
                {
                }
            }

            foreach (var commit in combined)
            {
                commit.Committed(written.Contains(commit.SubjectId) ? 1 : 0);
            }

            var first = combined.Count > 0 ? 2 : 1;
            for (var i = 0; i < alone.Count; i++)
            {
                alone[i].Committed(statements.BatchCommands[first + i].RecordsAffected);
            }
        }
        catch (PostgresException e) when (ordered.Count > 1 && e.InvariantSeverity == "ERROR")
        {
            foreach (var commit in ordered)
            {
                await ExecuteAsync([commit]);
            }
        }
        catch (Exception e)
        {
            foreach (var commit in ordered)
            {
                commit.Failed(e);
            }
        }
    }

    /// <summary>The commits of <paramref name="ordered"/> the combiner writes in one statement: those it accepts whose
    /// subject has no other commit in the batch (a later commit of a subject must see the earlier one's rows, so those
    /// run as statements of their own, in order). None unless at least two, as one commit gains nothing from it.</summary>
    private List<PendingSubjectCommit> Combinable(List<PendingSubjectCommit> ordered)
    {
        if (combiner is null || ordered.Count < 2)
        {
            return [];
        }

        var combinable = ordered
            .Where((c, i) => combiner.CanCombine(c)
                && (i == 0 || ordered[i - 1].SubjectId != c.SubjectId)
                && (i == ordered.Count - 1 || ordered[i + 1].SubjectId != c.SubjectId))
            .ToList();
        return combinable.Count < 2 ? [] : combinable;
    }
}
