using System.Text.Json;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Reminders;
using CaseGrains.Persistence.Supervision;
using Microsoft.Extensions.DependencyInjection;
using static CaseGrains.Grains.Tests.Supervision.SupervisionScenario;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>
/// From one case to the whole agency (办理一案、规范一片): decided cases reach their agency's record, a pattern drafts one
/// notice that later cases join, however many decisions arrive at once; a notice is numbered gap-free, and an overdue
/// one escalates to the supervisor one level up. Each test works on its own agency or series, and the clock only moves
/// forward, so the tests of a class share one cluster.
/// </summary>
public abstract class SupervisionSpecification(CaseCluster cluster)
{
    private readonly SupervisionScenario scenario = new(cluster);

    [Fact]
    public async Task Three_decided_cases_with_the_same_flaw_draft_one_notice_citing_all_three_and_a_fourth_joins_it()
    {
        var agency = LiaoningDemo.DadongTrafficBrigade;
        var first = await scenario.DecidedAsync(agency, FlawKind.Procedure);
        var second = await scenario.DecidedAsync(agency, FlawKind.Procedure);
        Assert.Empty((await scenario.AgencyAsync(agency)).Notices);

        var third = await scenario.DecidedAsync(agency, FlawKind.Procedure);

        var record = await scenario.AgencyAsync(agency);
        var notice = Assert.Single(record.Notices);
        Assert.Equal(new[] { first, second, third }.Order(StringComparer.Ordinal), notice.CitedCaseIds.Order(StringComparer.Ordinal));
        Assert.Equal(3, record.FlawCounts[FlawKind.Procedure]);
        Assert.Equal(1m, record.CorrectionRate);
        var drafted = await scenario.InstrumentAsync(notice.InstrumentId);
        Assert.Equal(InstrumentKind.SupervisionNotice, drafted.Instrument.Kind);
        Assert.Equal(InstrumentOrigin.Pattern, drafted.Instrument.Origin);
        Assert.Equal(InstrumentStatus.Drafted, drafted.Instrument.Status);
        Assert.Equal("S-R210104", drafted.Instrument.IssuingBodyId);
        Assert.Equal(new[] { first, second, third }.Order(StringComparer.Ordinal), drafted.Instrument.Citations.Select(c => c.CaseId).Order(StringComparer.Ordinal));

        var fourth = await scenario.DecidedAsync(agency, FlawKind.Procedure);

        var joined = Assert.Single((await scenario.AgencyAsync(agency)).Notices);
        Assert.Equal(notice.InstrumentId, joined.InstrumentId);
        Assert.Contains(fourth, joined.CitedCaseIds);
        Assert.Contains(fourth, (await scenario.InstrumentAsync(notice.InstrumentId)).Instrument.Citations.Select(c => c.CaseId));
        Assert.Single(await scenario.InstrumentsAgainstAsync(agency), i => i.Index.Kind == "supervisionNotice");
        var history = await scenario.Store.ReadInstrumentHistoryAsync(notice.InstrumentId);
        Assert.Equal(["draftNotice", "citeCases"], history.Select(e => e.Action));
        Assert.All(history, e => Assert.Equal("system", e.ActorUserId));
    }

    [Fact]
    public async Task Fifty_concurrent_decisions_against_one_agency_draft_exactly_one_notice()
    {
        var cases = new List<string>();
        foreach (var batch in Enumerable.Range(0, 5))
        {
            cases.AddRange(await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => scenario.ReadyForDecisionAsync(UrbanManagement))));
        }

        await Task.WhenAll(cases.Select(id => scenario.AnnulAsync(id, FlawKind.ImproperDiscretion)));

        var record = await scenario.AgencyAsync(UrbanManagement);
        var notice = Assert.Single(record.Notices);
        Assert.Equal(cases.Order(StringComparer.Ordinal), notice.CitedCaseIds.Order(StringComparer.Ordinal));
        Assert.Equal(50, record.FlawCounts[FlawKind.ImproperDiscretion]);
        var instrument = Assert.Single(await scenario.InstrumentsAgainstAsync(UrbanManagement), i => i.Index.Kind == "supervisionNotice");
        Assert.Equal(notice.InstrumentId, instrument.InstrumentId);
        Assert.Equal(50, (await scenario.InstrumentAsync(notice.InstrumentId)).Instrument.Citations.Count);
    }

    [Fact]
    public async Task A_hundred_findings_delivered_at_once_to_one_agency_are_all_recorded_in_fewer_commits_with_one_notice()
    {
        const string agencyId = "A-R210100-EEB";
        var agency = cluster.Grains.GetGrain<IAgencyGrain>(agencyId);
        var findings = Enumerable.Range(0, 100).Select(_ => new AgencyFinding
        {
            Source = FindingSource.Decision,
            CaseId = NewCaseId(),
            AgencyId = agencyId,
            FoundOn = scenario.Today,
            DecisionType = DecisionType.Annul,
            Flaws = [FlawKind.Procedure],
            SourceVersion = 7,
        }).ToList();

        var outcomes = await Task.WhenAll(findings.Select(f => agency.Handle(new RecordFinding { Finding = f })));

        Assert.All(outcomes, o => Assert.Equal(SystemCommandOutcomeKind.Recorded, o.Kind));
        var read = await agency.Get(CitySupervisor);
        Assert.Null(read.Failure);
        var record = read.Agency!;
        Assert.Equal(100, record.Findings);
        Assert.Equal(100, record.FlawCounts[FlawKind.Procedure]);
        var notice = Assert.Single(record.Notices);
        Assert.Equal(findings.Select(f => f.CaseId).Order(StringComparer.Ordinal), notice.CitedCaseIds.Order(StringComparer.Ordinal));
        // The version grows by one per commit: the findings that arrived during a commit shared the next one.
        Assert.InRange(record.Version, 1L, findings.Count - 1L);
        Assert.Equal(100, (await scenario.InstrumentAsync(notice.InstrumentId, CitySupervisor)).Instrument.Citations.Count);

        var again = await agency.Handle(new RecordFinding { Finding = findings[0] });
        Assert.Equal(SystemCommandOutcomeKind.Unchanged, again.Kind);
        Assert.Equal(record.Version, (await agency.Get(CitySupervisor)).Agency!.Version);
    }

    [Fact]
    public async Task Each_of_many_messages_arriving_at_once_hears_its_own_outcome()
    {
        const string agencyId = "A-R211100-TRANSPORT";
        var agency = cluster.Grains.GetGrain<IAgencyGrain>(agencyId);
        AgencyFinding Finding(string agencyFound) => new()
        {
            Source = FindingSource.Decision,
            CaseId = NewCaseId(),
            AgencyId = agencyFound,
            FoundOn = scenario.Today,
            DecisionType = DecisionType.Annul,
            Flaws = [FlawKind.Facts],
            SourceVersion = 3,
        };
        var first = Finding(agencyId);
        Assert.Equal(SystemCommandOutcomeKind.Recorded, (await agency.Handle(new RecordFinding { Finding = first })).Kind);
        AgencyCommand[] messages =
        [
            .. Enumerable.Range(0, 20).Select(_ => new RecordFinding { Finding = Finding(agencyId) }),
            new RecordFinding { Finding = first },
            new RecordFinding { Finding = Finding(LiaoningDemo.DadongTrafficBrigade) },
            .. Enumerable.Range(0, 20).Select(_ => new RecordFinding { Finding = Finding(agencyId) }),
        ];

        var outcomes = await Task.WhenAll(messages.Select(agency.Handle));

        Assert.All(outcomes[..20].Concat(outcomes[22..]), o => Assert.Equal(SystemCommandOutcomeKind.Recorded, o.Kind));
        Assert.Equal(new SystemCommandOutcome(SystemCommandOutcomeKind.Unchanged, "finding_already_recorded"), outcomes[20]);
        Assert.Equal(new SystemCommandOutcome(SystemCommandOutcomeKind.Refused, "finding_for_another_agency"), outcomes[21]);
        var record = (await agency.Get(new Principal("u-sup-liaoning", "S-R210000", Role.Supervisor, "/R210000/"))).Agency!;
        Assert.Equal(41, record.Findings);
        Assert.Equal(41, Assert.Single(record.Notices).CitedCaseIds.Length);
    }

    [Fact]
    public async Task An_overdue_notice_escalates_to_the_city_supervisor_who_sees_it_in_the_list_and_inbox()
    {
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await scenario.DecidedAsync(WanquanStreetOffice, FlawKind.Facts);
        }

        var id = Assert.Single((await scenario.AgencyAsync(WanquanStreetOffice)).Notices).InstrumentId;
        var issued = await scenario.PerformAsync(id, new ApproveAndIssue { Reason = "经审核同意制发" }, DadongSupervisor);
        Assert.Equal(InstrumentStatus.Issued, issued.Instrument.Status);
        Assert.Matches(@"^大东执法监督〔\d{4}〕\d+号$", issued.Instrument.Number!.Text);
        var received = await scenario.PerformAsync(id, new RecordReceipt(), DadongSupervisor);
        var due = received.Instrument.CurrentDeadline(DeadlineKind.Rectification)!.DueOn;
        Assert.True(due >= scenario.Today.AddDays(30));

        ((ShiftedClock)cluster.Clock!).TravelTo(ReminderPolicy.FireAt(ReminderStep.Overdue, due.AddDays(1)));
        await TickAllAsync();

        var overdue = await scenario.InstrumentAsync(id, CitySupervisor);
        Assert.Equal(InstrumentStatus.Overdue, overdue.Instrument.Status);
        var escalation = Assert.Single(overdue.Instrument.Escalations);
        Assert.Equal("/R210000/R210100/R210104/", escalation.FromRegionPath);
        Assert.Equal("/R210000/R210100/", escalation.ToRegionPath);
        Assert.Equal("S-R210100", overdue.SupervisorOfficeId);
        Assert.Contains(InstrumentActionName.OrderCompliance, overdue.AllowedActions);
        Assert.Contains(InstrumentActionName.SummonHead, overdue.AllowedActions);
        Assert.Contains(InstrumentActionName.CriticisePublicly, overdue.AllowedActions);

        var inbox = await scenario.Store.ListInstrumentsAsync(new InstrumentListQuery
        {
            ScopeRegionPath = CitySupervisor.OrganisationRegionPath,
            SupervisorRegionPath = CitySupervisor.OrganisationRegionPath,
        });
        Assert.Contains(inbox.Items, i => i.InstrumentId == id && i.Index.Overdue);
        var notifications = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<INotificationInbox>();
        var told = await notifications.ListAsync(new NotificationRecipient(CitySupervisor.UserId, CitySupervisor.OrganisationId, CitySupervisor.Role), new InboxQuery { CaseId = id });
        Assert.Contains(told.Items, n => n.Notification.Title.Contains("逾期", StringComparison.Ordinal));

        // The city supervisor takes an Art. 77 follow-up; the history names them.
        var summoned = await scenario.PerformAsync(id, new SummonHead { Summary = "约谈街道办事处主要负责人", Reason = "逾期未报送整改情况" }, CitySupervisor);
        Assert.Single(summoned.Instrument.FollowUps);
        var history = await scenario.Store.ReadInstrumentHistoryAsync(id);
        Assert.Equal(["draftNotice", "approveAndIssue", "recordReceipt", "fireInstrumentReminder", "summonHead"], history.Select(e => e.Action));
        Assert.Equal(CitySupervisor.UserId, history[^1].ActorUserId);
        Assert.Equal("逾期未报送整改情况", history[^1].Reason);
    }

    [Fact]
    public async Task Opinion_letters_issued_at_once_are_numbered_without_gaps_or_repeats()
    {
        var caseId = await scenario.DecidedAsync(LiaoningDemo.DadongTrafficBrigade, FlawKind.LegalBasis);
        var letters = new List<string>();
        foreach (var i in Enumerable.Range(0, 8))
        {
            var id = NewInstrumentId();
            var drafted = await cluster.Grains.GetGrain<Abstractions.Supervision.ISupervisionInstrumentGrain>(id).DraftOpinionLetter(
                caseId,
                new DraftOpinionLetter { Title = $"行政复议意见书（{i}）", Problems = "适用依据错误", Requirements = "请依法纠正并报送整改情况" },
                Samples.By(Samples.Reviewer));
            Assert.Null(drafted.Failure);
            letters.Add(id);
        }

        // Each letter approved twice at once: one approval of each wins, the other is refused and gives its number back.
        var approvals = await Task.WhenAll(letters.Concat(letters).Select(id =>
            cluster.Grains.GetGrain<Abstractions.Supervision.ISupervisionInstrumentGrain>(id).Perform(new ApproveAndIssue(), Samples.By(Samples.Head))));

        Assert.Equal(letters.Count, approvals.Count(a => a.Failure is null));
        var numbers = await Task.WhenAll(letters.Select(async id => (await scenario.InstrumentAsync(id, Samples.Head)).Instrument.Number!));
        var sequences = numbers.Select(n => n.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], letters.Count), sequences);
        Assert.Equal(numbers.Length, numbers.Select(n => n.Text).Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"^大东复意〔\d{4}〕\d+号$", n.Text));
        Assert.All(numbers, n => Assert.Equal("B-R210104", n.IssuingBodyId));
    }

    [Fact]
    public async Task An_agency_reactivated_after_many_findings_reads_its_record_and_findings_back_and_answers_as_before()
    {
        const string agencyId = "A-R210400-NR";
        var agency = cluster.Grains.GetGrain<IAgencyGrain>(agencyId);
        var findings = Enumerable.Range(0, 60).Select(i => Finding(agencyId, $"RC-nr{i:d3}", i % 3 == 0 ? FlawKind.Facts : FlawKind.Procedure)).ToList();
        foreach (var finding in findings)
        {
            Assert.Equal(SystemCommandOutcomeKind.Recorded, (await agency.Handle(new RecordFinding { Finding = finding })).Kind);
        }

        var before = (await agency.Get(LiaoningSupervisor)).Agency!;
        var stored = (await scenario.Store.LoadAgencyAsync(agencyId))!;
        Assert.Equal(findings.Select(f => f.CaseId), stored.Findings.Select(f => f.CaseId));
        Assert.Equal(Enumerable.Range(0, 60), stored.Findings.Select(f => f.Position));
        using (var snapshot = JsonDocument.Parse(stored.SnapshotJson))
        {
            Assert.Equal(0, snapshot.RootElement.GetProperty("findings").GetArrayLength());
            Assert.All(snapshot.RootElement.GetProperty("notices").EnumerateArray(), n => Assert.Equal(0, n.GetProperty("citedCaseIds").GetArrayLength()));
        }

        // The notices' citations are rows; reading them back puts each notice's in citation order again.
        Assert.Equal(2, before.Notices.Length);
        Assert.Equal(
            before.Notices.SelectMany(n => n.CitedCaseIds.Select(id => (n.NoticeId, id))).Order(),
            stored.Citations.Select(c => (c.NoticeId, c.CaseId)).Order());

        await cluster.Cluster.DeactivateAsync(agency);
        var reactivated = (await agency.Get(LiaoningSupervisor)).Agency!;
        Assert.Equivalent(before, reactivated, strict: true);
        Assert.Equal(before.Notices.Select(n => n.CitedCaseIds), reactivated.Notices.Select(n => n.CitedCaseIds));

        // Case 3 is upheld after all: its finding is replaced in place, and the counts follow.
        var upheld = findings[3] with { DecisionType = DecisionType.Uphold, Flaws = [], SourceVersion = 8 };
        Assert.Equal(SystemCommandOutcomeKind.Recorded, (await agency.Handle(new RecordFinding { Finding = upheld })).Kind);
        await cluster.Cluster.DeactivateAsync(agency);
        var after = (await agency.Get(LiaoningSupervisor)).Agency!;
        Assert.Equal((60, 59, before.FlawCounts[FlawKind.Facts] - 1), (after.Findings, after.Corrections, after.FlawCounts[FlawKind.Facts]));
        Assert.Equal(before.Version + 1, after.Version);
        var restored = (await scenario.Store.LoadAgencyAsync(agencyId))!;
        Assert.Equal(stored.Findings.Select(f => (f.CaseId, f.Position)), restored.Findings.Select(f => (f.CaseId, f.Position)));
        Assert.Contains("\"uphold\"", restored.Findings[3].FindingJson, StringComparison.Ordinal);
    }

    internal static readonly Principal LiaoningSupervisor = new("u-sup-liaoning", "S-R210000", Role.Supervisor, "/R210000/");

    internal static AgencyFinding Finding(string agencyId, string caseId, FlawKind flaw) => new()
    {
        Source = FindingSource.Decision,
        CaseId = caseId,
        AgencyId = agencyId,
        FoundOn = new DateOnly(2025, 3, 3),
        DecisionType = DecisionType.Annul,
        Flaws = [flaw],
        SourceVersion = 7,
    };

    private async Task TickAllAsync() =>
        await Task.WhenAll(Enumerable.Range(0, ReminderPartitions.Count).Select(p => cluster.Grains.GetGrain<IDeadlineSchedulerGrain>(p).Tick()));
}

public sealed class InMemorySupervisionTests(SupervisionInMemoryCluster cluster)
    : SupervisionSpecification(cluster), IClassFixture<SupervisionInMemoryCluster>
{
    /// <summary>The memory store keeps the rows it was handed: a row the later commit did not carry is the very object an
    /// earlier commit stored, which is how this shows the commit carried only its own finding.</summary>
    [Fact]
    public async Task A_commit_after_many_findings_hands_the_store_only_the_finding_it_recorded()
    {
        const string agencyId = "A-R210800-SAMR";
        var agency = cluster.Grains.GetGrain<IAgencyGrain>(agencyId);
        var store = new SupervisionScenario(cluster).Store;
        await RecordProcedureFindingsAsync(agency, agencyId, "RC-ss", 80);

        var before = (await store.LoadAgencyAsync(agencyId))!.Findings;

        await agency.Handle(new RecordFinding { Finding = Finding(agencyId, "RC-ss080", FlawKind.Facts) });

        var after = (await store.LoadAgencyAsync(agencyId))!.Findings;
        Assert.Equal(81, after.Count);
        Assert.All(before.Zip(after), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(("RC-ss080", 80), (after[80].CaseId, after[80].Position));
    }

    /// <summary>The same for citations: the open notice already cites every earlier case; the next case's commit hands the
    /// store its one new citation, and every stored one stays the object its own commit handed over.</summary>
    [Fact]
    public async Task A_commit_after_many_citations_hands_the_store_only_the_citation_it_added()
    {
        const string agencyId = "A-R210000-SAMR";
        var agency = cluster.Grains.GetGrain<IAgencyGrain>(agencyId);
        var store = new SupervisionScenario(cluster).Store;
        await RecordProcedureFindingsAsync(agency, agencyId, "RC-ps", 80);

        var before = (await store.LoadAgencyAsync(agencyId))!;
        Assert.Equal(80, before.Citations.Count);

        await agency.Handle(new RecordFinding { Finding = Finding(agencyId, "RC-ps080", FlawKind.Procedure) });

        var after = (await store.LoadAgencyAsync(agencyId))!;
        var noticeId = Assert.Single((await agency.Get(LiaoningSupervisor)).Agency!.Notices).NoticeId;
        Assert.Equal([new StoredNoticeCitation(noticeId, "RC-ps080")], after.Citations.Except(before.Citations));
        var stored = after.Citations.ToDictionary(c => c);
        Assert.All(before.Citations, c => Assert.Same(c, stored[c]));
        Assert.True(before.SnapshotJson.Length == after.SnapshotJson.Length, "The snapshot does not grow with the citations.");
    }

    private static async Task RecordProcedureFindingsAsync(IAgencyGrain agency, string agencyId, string casePrefix, int count)
    {
        foreach (var i in Enumerable.Range(0, count))
        {
            await agency.Handle(new RecordFinding { Finding = Finding(agencyId, $"{casePrefix}{i:d3}", FlawKind.Procedure) });
        }
    }
}

public sealed class PostgresSupervisionTests(SupervisionPostgresCluster cluster)
    : SupervisionSpecification(cluster), IClassFixture<SupervisionPostgresCluster>;
