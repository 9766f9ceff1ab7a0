using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Statistics;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Supervision;
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
/// Ten supervision instruments beside them, each committed drafted first and then, unless still a draft, with its
/// status and dates (OL opinion letter, SN supervision notice; open: issued to accepted exclusive):
/// <list type="table">
/// <listheader><term>id kind status</term><description>agency, issuer, where it sits, issued, due, overdue</description></listheader>
/// <item><term>i1 OL received</term><description>A-DD-PSB, B-SY, R210104, 3-05, 5-04 (open)</description></item>
/// <item><term>i2 OL overdue</term><description>A-DD-PSB, B-SY, escalated to R210100, 1-10, 3-11, overdue (open)</description></item>
/// <item><term>i3 OL accepted</term><description>A-DD-PSB, B-SY, R210104, 3-12</description></item>
/// <item><term>i4 OL drafted</term><description>A-DD-PSB, B-SY, R210104, never issued</description></item>
/// <item><term>i5 SN rectificationReported</term><description>A-DD-PSB, S-SY, R210104, 3-20, 4-20, overdue (reported late; open)</description></item>
/// <item><term>i6 OL issued</term><description>A-DD-TWN, B-SY, R210104001, 3-28, no due date yet (open)</description></item>
/// <item><term>i7 OL closed</term><description>A-ZS-PSB, B-DL, R210202, 3-15</description></item>
/// <item><term>i8 SN sentBack</term><description>A-ZS-PSB, S-DL, R210202, 2-10, 4-01 (open)</description></item>
/// <item><term>i9 OL discarded</term><description>A-HP-MKT, B-SY, R210102, never issued</description></item>
/// <item><term>i10 OL overdue</term><description>A-2101, B-X, R2101, 2-01, 4-02, overdue (open)</description></item>
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

    private static readonly Instrument[] Instruments =
    [
        new("i1", InstrumentKind.OpinionLetter, InstrumentStatus.Received, "A-DD-PSB", "B-SY", "R210104", D(3, 5), D(5, 4)),
        new("i2", InstrumentKind.OpinionLetter, InstrumentStatus.Overdue, "A-DD-PSB", "B-SY", "R210100", D(1, 10), D(3, 11), Overdue: true),
        new("i3", InstrumentKind.OpinionLetter, InstrumentStatus.Accepted, "A-DD-PSB", "B-SY", "R210104", D(3, 12), null),
        new("i4", InstrumentKind.OpinionLetter, InstrumentStatus.Drafted, "A-DD-PSB", "B-SY", "R210104", null, null),
        new("i5", InstrumentKind.SupervisionNotice, InstrumentStatus.RectificationReported, "A-DD-PSB", "S-SY", "R210104", D(3, 20), D(4, 20), Overdue: true),
        new("i6", InstrumentKind.OpinionLetter, InstrumentStatus.Issued, "A-DD-TWN", "B-SY", "R210104001", D(3, 28), null),
        new("i7", InstrumentKind.OpinionLetter, InstrumentStatus.Closed, "A-ZS-PSB", "B-DL", "R210202", D(3, 15), null),
        new("i8", InstrumentKind.SupervisionNotice, InstrumentStatus.SentBack, "A-ZS-PSB", "S-DL", "R210202", D(2, 10), D(4, 1)),
        new("i9", InstrumentKind.OpinionLetter, InstrumentStatus.Discarded, "A-HP-MKT", "B-SY", "R210102", null, null),
        new("i10", InstrumentKind.OpinionLetter, InstrumentStatus.Overdue, "A-2101", "B-X", "R2101", D(2, 1), D(4, 2), Overdue: true),
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

        foreach (var instrument in Instruments)
        {
            await Backend.Supervision.CommitInstrumentAsync(instrument.Commit(0, InstrumentStatus.Drafted));
            if (instrument.Status != InstrumentStatus.Drafted)
            {
                await Backend.Supervision.CommitInstrumentAsync(instrument.Commit(1, instrument.Status));
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

    private sealed record Instrument(
        string Id,
        InstrumentKind Kind,
        InstrumentStatus Status,
        string Agency,
        string Issuer,
        string SitsWith,
        DateOnly? IssuedOn,
        DateOnly? DueOn,
        bool Overdue = false)
    {
        /// <summary>The commit to <paramref name="status"/>: a draft has no number, issue date, deadline or overdue flag.</summary>
        public InstrumentCommit Commit(long expectedVersion, InstrumentStatus status)
        {
            var drafted = status == InstrumentStatus.Drafted;
            var agency = Agencies.Single(a => a.Agency == Agency);
            return new(
                Id,
                expectedVersion,
                "{}",
                new InstrumentIndexEntry(
                    StoredNames.Of(Kind),
                    StoredNames.Of(status),
                    Agency,
                    Given.PathOf(agency.Region),
                    Issuer,
                    Given.PathOf(SitsWith),
                    drafted ? null : $"{Issuer}〔2025〕{Id}号",
                    drafted ? null : DueOn,
                    !drafted && Overdue,
                    D(1, 2),
                    drafted ? null : IssuedOn),
                new CaseHistoryEntry(expectedVersion + 1, Given.Now, "u-1", Issuer, drafted ? "draftNotice" : "approveAndIssue", null, "{}", null));
        }
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
