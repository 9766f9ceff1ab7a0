using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>
/// Eight committed cases across the test hierarchy, shared read-only by every list specification of a test class.
/// Today is 2025-03-20. In the default order (nearest deadline, none last, then id) they are
/// C01 C07 (both due 03-18), C03 (03-19), C02 (03-20), C08 (03-25), C06 (04-01), C04 C05 (no deadline).
/// C01, C03 and C07 came in through intake point IP-DD-001 (the others each through their own) and were filed by
/// user U-1, C02 by U-2; the others have no applicant account.
/// </summary>
public abstract class CaseWorld : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2025, 3, 20);

    private IPersistenceBackend? backend;

    public IPersistenceBackend Backend => backend ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The index rows as committed (C01 was committed twice: Received, then Accepted).</summary>
    public static IReadOnlyList<CaseIndexEntry> Cases { get; } =
    [
        Row("C01", "Accepted", "B-SY", "B-SY", "A-DD-PSB", "R210104", "Hall", false, "张三", "沈阳市公安局大东分局", D(3, 1), D(3, 18)) with { Version = 2, IntakePointId = "IP-DD-001", ApplicantUserId = "U-1" },
        Row("C02", "Received", "B-SY", "B-SY", "A-HP-MKT", "R210102", "Online", true, "辽宁北方科技有限公司", "沈阳市和平区市场监督管理局", D(3, 5), D(3, 20)) with { ApplicantUserId = "U-2" },
        Row("C03", "Accepted", "B-DL", "B-SY", "A-DD-TWN", "R210104001", "GreenChannel", true, "百分百%贸易有限公司", "大东区东站街道办事处", D(3, 8), D(3, 19)) with { IntakePointId = "IP-DD-001", ApplicantUserId = "U-1" },
        Row("C04", "Decided", "B-DL", "B-DL", "A-ZS-PSB", "R210202", "TrafficPolice", false, "李四", "大连市公安局交通警察支队", D(2, 10), null),
        Row("C05", "Closed", "B-DL", "B-DL", "A-ZS-PSB", "R210202", "Hall", false, "王五", "大连市公安局交通警察支队", D(1, 15), null),
        Row("C06", "Accepted", "B-X", "B-X", "A-2101", "R2101", "Online", false, "赵六", "A_B 管理局", D(3, 10), D(4, 1)),
        Row("C07", "Received", "B-SY", "B-SY", "A-DD-PSB", "R210104", "Hall", false, "Zhang Wei", "Shenyang PSB Dadong", D(3, 10), D(3, 18)) with { IntakePointId = "IP-DD-001", ApplicantUserId = "U-1" },
        Row("C08", "Suspended", "B-SY", "B-SY", "A-HP-MKT", "R210102", "Hall", true, "AXB 商贸", "沈阳市和平区市场监督管理局", D(2, 20), D(3, 25)),
    ];

    public async Task InitializeAsync()
    {
        backend = await CreateBackendAsync();
        await Backend.Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        foreach (var row in Cases)
        {
            for (var version = 1L; version <= row.Version; version++)
            {
                var index = version == row.Version ? row : row with { Status = "Received", Version = version };
                var commit = Given.Commit(row.CaseId, version - 1, index.Status, index: _ => index);
                await Backend.Store.AppendAsync(commit);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (backend is not null)
        {
            await backend.DisposeAsync();
        }
    }

    protected abstract Task<IPersistenceBackend> CreateBackendAsync();

    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static CaseIndexEntry Row(
        string id,
        string status,
        string receivingBody,
        string competentBody,
        string agency,
        string region,
        string channel,
        bool enterpriseRelated,
        string applicant,
        string agencyName,
        DateOnly receivedOn,
        DateOnly? dueOn) =>
        new(id, status, receivingBody, competentBody, agency, "IP-" + id, Given.PathOf(region), channel, enterpriseRelated,
            applicant, agencyName, receivedOn, dueOn, Given.Now.AddDays(receivedOn.DayNumber % 7), 1);
}

public sealed class PostgresCaseWorld : CaseWorld
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class InMemoryCaseWorld : CaseWorld
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}
