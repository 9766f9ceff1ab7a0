using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>
/// A generated data set of known composition (54 cases in 18 groups), shared read-only by the statistics
/// specifications. Every case is committed open first (no outcome), then, if it was accepted or ended, again with its
/// outcome, so the figures read what the update wrote. Dates are 2025; "March" is the period most tests count.
/// <list type="table">
/// <listheader><term>agency (region, competent / receiving body)</term><description>groups: count × ending (received, accepted, ended)</description></listheader>
/// <item><term>A-DD-PSB (R210104, B-SY / B-SY)</term><description>
/// g1 4 × mediated (3-02, 3-03, 3-20); g2 2 × settled (3-02, 3-03, 3-21); g3 3 × annul [procedure, facts] (3-01, 3-02, 3-25);
/// g4 1 × annul [procedure], decision overdue (1-05, 1-06, 3-28); g5 5 × uphold (3-01, 3-02, 3-26);
/// g6 1 × withdrawn after the agency corrected (3-03, 3-04, 3-10); g7 2 × withdrawn (3-03, 3-04, 3-11);
/// g8 2 × resolved before filing (3-05, –, 3-06); g9 1 × not accepted (3-06, –, 3-09); g10 3 × open (3-15, 3-16, –);
/// g11 2 × alter [legal basis] (1-10, 1-11, 2-20)</description></item>
/// <item><term>A-DD-TWN (R210104001, B-SY / B-DL)</term><description>g12 2 × declare unlawful [procedure] (3-02, 3-03, 3-27);
/// g13 1 × resolved before filing (3-04, –, 3-04)</description></item>
/// <item><term>A-HP-MKT (R210102, B-SY / B-SY)</term><description>g14 1 × reject claim, decision overdue (3-01, 3-02, 3-30);
/// g15 1 × abandoned (3-01, –, 3-20)</description></item>
/// <item><term>A-ZS-PSB (R210202, B-DL / B-DL)</term><description>g16 3 × order performance [inaction] (3-01, 3-02, 3-29);
/// g17 1 × terminated (3-01, 3-02, 3-12)</description></item>
/// <item><term>A-2101 (R2101, B-X / B-X)</term><description>g18 2 × mediated (3-01, 3-02, 3-15): a region whose code prefixes R210100's</description></item>
/// </list>
/// </summary>
public abstract class StatisticsWorld : IAsyncLifetime
{
    public static readonly StatisticsPeriod March = new(D(3, 1), D(3, 31));

    private static readonly (string Agency, string Region, string Competent, string Receiving)[] Agencies =
    [
        ("A-DD-PSB", "R210104", "B-SY", "B-SY"),
        ("A-DD-TWN", "R210104001", "B-SY", "B-DL"),
        ("A-HP-MKT", "R210102", "B-SY", "B-SY"),
        ("A-ZS-PSB", "R210202", "B-DL", "B-DL"),
        ("A-2101", "R2101", "B-X", "B-X"),
    ];

    private static readonly Group[] Groups =
    [
        new("g1", "A-DD-PSB", 4, D(3, 2), D(3, 3), CaseEnding.Mediated, D(3, 20)),
        new("g2", "A-DD-PSB", 2, D(3, 2), D(3, 3), CaseEnding.Settled, D(3, 21)),
        new("g3", "A-DD-PSB", 3, D(3, 1), D(3, 2), CaseEnding.Decided, D(3, 25), DecisionType.Annul, [FlawKind.Procedure, FlawKind.Facts]),
        new("g4", "A-DD-PSB", 1, D(1, 5), D(1, 6), CaseEnding.Decided, D(3, 28), DecisionType.Annul, [FlawKind.Procedure], Overdue: true),
        new("g5", "A-DD-PSB", 5, D(3, 1), D(3, 2), CaseEnding.Decided, D(3, 26), DecisionType.Uphold),
        new("g6", "A-DD-PSB", 1, D(3, 3), D(3, 4), CaseEnding.WithdrawnAfterAgencyCorrected, D(3, 10)),
        new("g7", "A-DD-PSB", 2, D(3, 3), D(3, 4), CaseEnding.Withdrawn, D(3, 11)),
        new("g8", "A-DD-PSB", 2, D(3, 5), null, CaseEnding.ResolvedBeforeFiling, D(3, 6)),
        new("g9", "A-DD-PSB", 1, D(3, 6), null, CaseEnding.NotAccepted, D(3, 9)),
        new("g10", "A-DD-PSB", 3, D(3, 15), D(3, 16), null, null),
        new("g11", "A-DD-PSB", 2, D(1, 10), D(1, 11), CaseEnding.Decided, D(2, 20), DecisionType.Alter, [FlawKind.LegalBasis]),
        new("g12", "A-DD-TWN", 2, D(3, 2), D(3, 3), CaseEnding.Decided, D(3, 27), DecisionType.DeclareUnlawful, [FlawKind.Procedure]),
        new("g13", "A-DD-TWN", 1, D(3, 4), null, CaseEnding.ResolvedBeforeFiling, D(3, 4)),
        new("g14", "A-HP-MKT", 1, D(3, 1), D(3, 2), CaseEnding.Decided, D(3, 30), DecisionType.RejectClaim, Overdue: true),
        new("g15", "A-HP-MKT", 1, D(3, 1), null, CaseEnding.Abandoned, D(3, 20)),
        new("g16", "A-ZS-PSB", 3, D(3, 1), D(3, 2), CaseEnding.Decided, D(3, 29), DecisionType.OrderPerformance, [FlawKind.Inaction]),
        new("g17", "A-ZS-PSB", 1, D(3, 1), D(3, 2), CaseEnding.Terminated, D(3, 12)),
        new("g18", "A-2101", 2, D(3, 1), D(3, 2), CaseEnding.Mediated, D(3, 15)),
    ];

    private IPersistenceBackend? backend;

    public IPersistenceBackend Backend => backend ?? throw new InvalidOperationException("Not initialised.");

    public static int CaseCount => Groups.Sum(g => g.Count);

    public async Task InitializeAsync()
    {
        backend = await CreateBackendAsync();
        await Backend.Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        foreach (var group in Groups)
        {
            var (agency, region, competent, receiving) = Agencies.Single(a => a.Agency == group.Agency);
            for (var n = 1; n <= group.Count; n++)
            {
                var caseId = $"{group.Id}-{n}";
                CaseIndexEntry Index(CaseIndexEntry entry) => entry with
                {
                    RespondentAgencyId = agency,
                    RegionPath = Given.PathOf(region),
                    CompetentBodyId = competent,
                    ReceivingBodyId = receiving,
                    ReceivedOn = group.ReceivedOn,
                };
                await Backend.Store.AppendAsync(Given.Commit(caseId, 0, index: Index));
                if (group.Outcome != CaseOutcome.None)
                {
                    await Backend.Store.AppendAsync(Given.Commit(caseId, 1, status: group.Ending?.ToString() ?? "UnderReview", index: Index) with
                    {
                        Outcome = group.Outcome,
                    });
                }
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

    private sealed record Group(
        string Id,
        string Agency,
        int Count,
        DateOnly ReceivedOn,
        DateOnly? AcceptedOn,
        CaseEnding? Ending,
        DateOnly? EndedOn,
        DecisionType? DecisionType = null,
        FlawKind[]? Findings = null,
        bool Overdue = false)
    {
        public CaseOutcome Outcome => AcceptedOn is null && Ending is null
            ? CaseOutcome.None
            : new()
            {
                AcceptedOn = AcceptedOn,
                Ending = Ending,
                EndedOn = EndedOn,
                DecisionType = DecisionType,
                Findings = Findings ?? [],
                DecisionOverdue = Overdue,
            };
    }
}

public sealed class PostgresStatisticsWorld : StatisticsWorld
{
    protected override async Task<IPersistenceBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync();
}

public sealed class InMemoryStatisticsWorld : StatisticsWorld
{
    protected override Task<IPersistenceBackend> CreateBackendAsync() => Task.FromResult<IPersistenceBackend>(new InMemoryBackend());
}
