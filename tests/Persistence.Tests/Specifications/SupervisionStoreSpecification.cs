using System.Globalization;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Outbox;
using CaseGrains.Persistence.Supervision;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>
/// The supervision store and the outbox on either backend: numbers drawn in the issuing commit run without gaps or
/// repeats however many issue at once, and a refused or conflicting issue gives its number back; an instrument's
/// citations are the ones its commits added, and a conflicting commit adds none; a case's commit writes its outbox
/// messages with it, once per key, until acknowledged.
/// </summary>
public abstract class SupervisionStoreSpecification : BackendSpecification
{
    private static readonly DocumentSeriesKey Series = new("B-R210104", "opinionLetter", 2026);

    [Fact]
    public async Task Numbers_drawn_by_concurrent_issues_run_without_gaps_even_when_some_issues_are_refused()
    {
        var ids = Enumerable.Range(0, 24).Select(i => $"SI-{i:x16}").ToList();
        foreach (var id in ids)
        {
            await Backend.Supervision.CommitInstrumentAsync(Commit(id, 0, "drafted"));
        }

        // Every fourth issue is refused after it drew its number: the number goes back for the next one.
        var drawn = await Task.WhenAll(ids.Select((id, i) =>
            Backend.Supervision.CommitNumberedAsync(Series, sequence => i % 4 == 3 ? null : Commit(id, 1, "issued", $"大东复意〔2026〕{sequence}号"))));

        var written = drawn.OfType<int>().Order().ToList();
        Assert.Equal(Enumerable.Range(1, 18), written);
        var page = await Backend.Supervision.ListInstrumentsAsync(new InstrumentListQuery { Status = "issued", PageSize = 200 });
        Assert.Equal(18, page.Total);
        Assert.Equal(18, page.Items.Select(i => i.Index.NumberText).Distinct().Count());
    }

    [Fact]
    public async Task An_issue_that_loses_a_version_race_writes_nothing_and_its_number_is_drawn_again()
    {
        await Backend.Supervision.CommitInstrumentAsync(Commit("SI-00000000000000aa", 0, "drafted"));
        await Backend.Supervision.CommitInstrumentAsync(Commit("SI-00000000000000aa", 1, "drafted"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Backend.Supervision.CommitNumberedAsync(Series, sequence => Commit("SI-00000000000000aa", 1, "issued", $"{sequence}")));
        var next = await Backend.Supervision.CommitNumberedAsync(Series, sequence => Commit("SI-00000000000000aa", 2, "issued", $"{sequence}"));

        Assert.Equal(1, next);
        Assert.Equal(["draftNotice", "draftNotice", "approveAndIssue"], (await Backend.Supervision.ReadInstrumentHistoryAsync("SI-00000000000000aa")).Select(e => e.Action));
    }

    [Fact]
    public async Task A_case_commit_writes_its_outbox_messages_with_it_once_per_key_until_they_are_acknowledged()
    {
        var finding = new OutboxMessage(OutboxTargets.Agency, "A-R210104-TRAFFIC", "finding:RC-1:1", """{"action": "recordFinding"}""");
        await Backend.Store.AppendAsync(Given.Commit("RC-1", 0) with { Outbox = [finding] });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Backend.Store.AppendAsync(Given.Commit("RC-1", 0) with
        {
            Outbox = [finding with { MessageKey = "finding:RC-1:lost" }],
        }));
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit("A-R210104-TRAFFIC", 0, "{}", Given.Now, [finding]));

        var pending = await Backend.Outbox.PendingAsync(DateTimeOffset.MaxValue, 10);
        Assert.Equal([finding], pending.Select(p => p.Message));
        Assert.Empty(await Backend.Outbox.PendingAsync(Given.Now.AddMinutes(-1), 10));

        await Backend.Outbox.AcknowledgeAsync(finding);
        Assert.Empty(await Backend.Outbox.PendingAsync(DateTimeOffset.MaxValue, 10));

        // Acknowledged means gone, key and all: the same key owed again waits again.
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit("A-R210104-TRAFFIC", 1, "{}", Given.Now, [finding]));
        Assert.Equal([finding], (await Backend.Outbox.PendingAsync(DateTimeOffset.MaxValue, 10)).Select(p => p.Message));
        await Backend.Outbox.AcknowledgeAsync(finding);
        await Backend.Outbox.AcknowledgeAsync(finding);
        Assert.Empty(await Backend.Outbox.PendingAsync(DateTimeOffset.MaxValue, 10));
    }

    [Fact]
    public async Task A_message_handed_over_with_its_payload_beside_it_is_kept_as_its_four_fields()
    {
        var built = new MessageWithPayload(OutboxTargets.Agency, "A-R210104-TRAFFIC", "finding:RC-2:1", """{"action": "recordFinding"}""", new object());
        await Backend.Store.AppendAsync(Given.Commit("RC-2", 0) with { Outbox = [built] });

        var kept = Assert.Single(await Backend.Outbox.PendingAsync(DateTimeOffset.MaxValue, 10)).Message;
        Assert.Equal(typeof(OutboxMessage), kept.GetType());
        Assert.Equal(new OutboxMessage(built.TargetKind, built.TargetId, built.MessageKey, built.PayloadJson), kept);
    }

    [Fact]
    public async Task An_agency_commit_writes_the_findings_it_carries_over_those_stored_and_leaves_the_others()
    {
        const string agency = "A-R210104-TRAFFIC";
        var first = Enumerable.Range(0, 40).Select(i => Finding($"RC-{i}", i, version: 1)).ToList();
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit(agency, 0, """{"findings": []}""", Given.Now, Findings: first));

        // The next commit carries one new finding and one that replaces case 7's: the 38 others stay as they were.
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit(
            agency, 1, """{"findings": [], "notices": []}""", Given.Now, Findings: [Finding("RC-40", 40, version: 1), Finding("RC-7", 7, version: 2)]));

        var stored = (await Backend.Supervision.LoadAgencyAsync(agency))!;
        Assert.Equal(2, stored.Version);
        Assert.True(Given.SameJson("""{"findings": [], "notices": []}""", stored.SnapshotJson), stored.SnapshotJson);
        Assert.Equal(Enumerable.Range(0, 41).Select(i => $"RC-{i}"), stored.Findings.Select(f => f.CaseId));
        Assert.Equal(Enumerable.Range(0, 41), stored.Findings.Select(f => f.Position));
        Assert.True(Given.SameJson(Finding("RC-7", 7, version: 2).FindingJson, stored.Findings[7].FindingJson), stored.Findings[7].FindingJson);
        Assert.True(Given.SameJson(first[8].FindingJson, stored.Findings[8].FindingJson));
    }

    [Fact]
    public async Task An_agency_commit_at_a_stale_version_writes_neither_the_record_nor_its_findings()
    {
        const string agency = "A-R210104-URBAN";
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit(agency, 0, """{"n": 1}""", Given.Now, Findings: [Finding("RC-1", 0, version: 1)]));
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit(agency, 1, """{"n": 2}""", Given.Now, Findings: [Finding("RC-2", 1, version: 1)]));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Backend.Supervision.CommitAgencyAsync(new AgencyCommit(
            agency, 1, """{"n": 3}""", Given.Now, Findings: [Finding("RC-1", 0, version: 5), Finding("RC-3", 2, version: 1)])));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Backend.Supervision.CommitAgencyAsync(new AgencyCommit(
            "A-R210104-NEW", 1, "{}", Given.Now, Findings: [Finding("RC-9", 0, version: 1)])));

        var stored = (await Backend.Supervision.LoadAgencyAsync(agency))!;
        Assert.Equal(2, stored.Version);
        Assert.True(Given.SameJson("""{"n": 2}""", stored.SnapshotJson));
        Assert.Equal(["RC-1", "RC-2"], stored.Findings.Select(f => f.CaseId));
        Assert.True(Given.SameJson(Finding("RC-1", 0, version: 1).FindingJson, stored.Findings[0].FindingJson));
        Assert.Null(await Backend.Supervision.LoadAgencyAsync("A-R210104-NEW"));
    }

    [Theory]
    [InlineData("blank case")]
    [InlineData("negative position")]
    [InlineData("not JSON")]
    [InlineData("one case twice")]
    public async Task A_malformed_agency_finding_is_refused_before_anything_is_written(string flaw)
    {
        var good = Finding("RC-1", 0, version: 1);
        IReadOnlyList<StoredFinding> findings = flaw switch
        {
            "blank case" => [good with { CaseId = " " }],
            "negative position" => [good with { Position = -1 }],
            "not JSON" => [good with { FindingJson = "{not json" }],
            _ => [good, good with { Position = 1 }],
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Backend.Supervision.CommitAgencyAsync(new AgencyCommit("A-R210104-BAD", 0, "{}", Given.Now, Findings: findings)));
        Assert.Null(await Backend.Supervision.LoadAgencyAsync("A-R210104-BAD"));
    }

    [Fact]
    public async Task An_instrument_loads_with_every_citation_its_commits_added_and_the_last_snapshot()
    {
        const string id = "SI-00000000000000c1";
        await Backend.Supervision.CommitInstrumentAsync(Commit(id, 0, "drafted") with { Citations = [.. Enumerable.Range(0, 3).Select(i => Cited($"RC-{i}"))] });
        await Backend.Supervision.CommitInstrumentAsync(Commit(id, 1, "drafted") with { Citations = [Cited("RC-3"), Cited("RC-4")] });
        await Backend.Supervision.CommitInstrumentAsync(Commit(id, 2, "issued", "1"));

        var stored = (await Backend.Supervision.LoadInstrumentAsync(id))!;
        Assert.Equal(3, stored.Version);
        Assert.True(Given.SameJson("""{"status": "issued"}""", stored.SnapshotJson), stored.SnapshotJson);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"RC-{i}"), stored.Citations.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.True(Given.SameJson(Cited("RC-4").CitationJson, stored.Citations.Single(c => c.CaseId == "RC-4").CitationJson));
        Assert.Null(await Backend.Supervision.LoadInstrumentAsync("SI-00000000000000ff"));
    }

    [Fact]
    public async Task An_instrument_commit_at_a_stale_version_writes_none_of_its_citations()
    {
        const string id = "SI-00000000000000c2";
        await Backend.Supervision.CommitInstrumentAsync(Commit(id, 0, "drafted") with { Citations = [Cited("RC-1")] });
        await Backend.Supervision.CommitInstrumentAsync(Commit(id, 1, "drafted") with { Citations = [Cited("RC-2")] });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Backend.Supervision.CommitInstrumentAsync(Commit(id, 1, "drafted") with { Citations = [Cited("RC-3"), Cited("RC-1", "2025-01-01")] }));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Backend.Supervision.CommitNumberedAsync(Series, sequence => Commit(id, 1, "issued", $"{sequence}") with { Citations = [Cited("RC-4")] }));

        var stored = (await Backend.Supervision.LoadInstrumentAsync(id))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(["RC-1", "RC-2"], stored.Citations.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.True(Given.SameJson(Cited("RC-1").CitationJson, stored.Citations.Single(c => c.CaseId == "RC-1").CitationJson));
    }

    [Theory]
    [InlineData("blank case")]
    [InlineData("not JSON")]
    [InlineData("one case twice")]
    public async Task A_malformed_instrument_citation_is_refused_before_anything_is_written(string flaw)
    {
        var good = Cited("RC-1");
        IReadOnlyList<StoredCitation> citations = flaw switch
        {
            "blank case" => [good with { CaseId = "" }],
            "not JSON" => [good with { CitationJson = "{not json" }],
            _ => [good, Cited("RC-1", "2025-01-01")],
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Backend.Supervision.CommitInstrumentAsync(Commit("SI-00000000000000c3", 0, "drafted") with { Citations = citations }));
        Assert.Null(await Backend.Supervision.LoadInstrumentAsync("SI-00000000000000c3"));
    }

    private static StoredCitation Cited(string caseId, string foundOn = "2025-03-03") =>
        new(caseId, $$"""{"caseId": "{{caseId}}", "source": "decision", "foundOn": "{{foundOn}}"}""");

    [Fact]
    public async Task An_agency_commit_adds_the_citations_it_carries_to_those_stored()
    {
        const string agency = "A-R210104-TRAFFIC";
        var first = Enumerable.Range(0, 40).Select(i => new StoredNoticeCitation("SN-1", $"RC-{i}")).ToList();
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit(agency, 0, """{"notices": []}""", Given.Now, Citations: first));

        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit(
            agency, 1, """{"notices": []}""", Given.Now, Citations: [new("SN-1", "RC-40"), new("SN-2", "RC-3")]));

        var stored = (await Backend.Supervision.LoadAgencyAsync(agency))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(
            [.. first, new("SN-1", "RC-40"), new("SN-2", "RC-3")],
            stored.Citations.OrderBy(c => c.NoticeId, StringComparer.Ordinal).ThenBy(c => int.Parse(c.CaseId[3..], CultureInfo.InvariantCulture)));
        Assert.Empty(stored.Findings);
    }

    [Fact]
    public async Task An_agency_commit_at_a_stale_version_writes_none_of_its_citations()
    {
        const string agency = "A-R210104-URBAN";
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit(agency, 0, "{}", Given.Now, Citations: [new("SN-1", "RC-1")]));
        await Backend.Supervision.CommitAgencyAsync(new AgencyCommit(agency, 1, "{}", Given.Now, Citations: [new("SN-1", "RC-2")]));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Backend.Supervision.CommitAgencyAsync(new AgencyCommit(
            agency, 1, "{}", Given.Now, Citations: [new("SN-1", "RC-3"), new("SN-2", "RC-1")])));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Backend.Supervision.CommitAgencyAsync(new AgencyCommit(
            "A-R210104-NEW", 1, "{}", Given.Now, Citations: [new("SN-9", "RC-9")])));

        var stored = (await Backend.Supervision.LoadAgencyAsync(agency))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal([new("SN-1", "RC-1"), new("SN-1", "RC-2")], stored.Citations.OrderBy(c => c.CaseId, StringComparer.Ordinal));
        Assert.Null(await Backend.Supervision.LoadAgencyAsync("A-R210104-NEW"));
    }

    [Theory]
    [InlineData("blank notice")]
    [InlineData("blank case")]
    [InlineData("one citation twice")]
    public async Task A_malformed_notice_citation_is_refused_before_anything_is_written(string flaw)
    {
        var good = new StoredNoticeCitation("SN-1", "RC-1");
        IReadOnlyList<StoredNoticeCitation> citations = flaw switch
        {
            "blank notice" => [good with { NoticeId = "" }],
            "blank case" => [good with { CaseId = " " }],
            _ => [good, good with { }],
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Backend.Supervision.CommitAgencyAsync(new AgencyCommit("A-R210104-BAD", 0, "{}", Given.Now, Citations: citations)));
        Assert.Null(await Backend.Supervision.LoadAgencyAsync("A-R210104-BAD"));
    }

    /// <summary>What a silo hands a store when it keeps a message's payload beside its JSON.</summary>
    private sealed record MessageWithPayload(string TargetKind, string TargetId, string MessageKey, string PayloadJson, object Payload)
        : OutboxMessage(TargetKind, TargetId, MessageKey, PayloadJson);

    private static StoredFinding Finding(string caseId, int position, long version) =>
        new(caseId, position, $$"""{"source": "decision", "caseId": "{{caseId}}", "sourceVersion": {{version}}}""");

    private static InstrumentCommit Commit(string id, long expectedVersion, string status, string? number = null) => new(
        id,
        expectedVersion,
        $$"""{"status": "{{status}}"}""",
        new InstrumentIndexEntry("opinionLetter", status, "A-R210104-TRAFFIC", "/R210000/R210100/R210104/", "B-R210104", "/R210000/R210100/R210104/",
            number, null, false, new DateOnly(2026, 3, 3)),
        new CaseHistoryEntry(expectedVersion + 1, Given.Now, "u-1", "B-R210104", number is null ? "draftNotice" : "approveAndIssue", null, "{}", null));
}
