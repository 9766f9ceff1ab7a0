using CaseGrains.Persistence.Cluster;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="IDrainLog"/> in memory, for the embedded default (one process, so its one silo writes here too).</summary>
public sealed class InMemoryDrainLog : IDrainLog
{
    private readonly Lock gate = new();
    private readonly List<DrainRecord> records = [];

    public Task<long> RecordAsync(DrainRequestEntry request, DrainStatus status, string? refusal, CancellationToken cancellationToken = default)
    {
        DrainLogRules.Validate(request, status, refusal);
        lock (gate)
        {
            var id = records.Count + 1L;
            records.Add(new DrainRecord(id, request.SiloId, request.SiloName, request.RequestedBy, DrainLogRules.Instant(request.RequestedAt), request.Reason, status, refusal, null));
            return Task.FromResult(id);
        }
    }

    public Task AnsweredAsync(long id, DrainStatus status, CancellationToken cancellationToken = default)
    {
        DrainLogRules.ValidateAnswer(status);
        lock (gate)
        {
            var index = records.FindIndex(r => r.Id == id && r.Status == DrainStatus.Requested);
            if (index >= 0)
            {
                records[index] = records[index] with { Status = status };
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> SiloLeftAsync(string siloId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(Close(siloId, DrainStatus.Left, at));

    public Task<int> SiloDiedAsync(string siloId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(Close(siloId, DrainStatus.Died, at));

    private int Close(string siloId, DrainStatus outcome, DateTimeOffset at)
    {
        lock (gate)
        {
            var closed = 0;
            for (var i = 0; i < records.Count; i++)
            {
                if (records[i].SiloId == siloId && records[i].Status is DrainStatus.Requested or DrainStatus.Draining)
                {
                    records[i] = records[i] with { Status = outcome, LeftAt = DrainLogRules.Instant(at) };
                    closed++;
                }
            }

            return closed;
        }
    }

    public Task<DrainRecord?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(records.FirstOrDefault(r => r.Id == id));
        }
    }

    public Task<IReadOnlyList<DrainRecord>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<DrainRecord> newest = [.. records.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Take(limit)];
            return Task.FromResult(newest);
        }
    }
}
