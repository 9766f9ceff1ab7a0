using System.Text;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Tests.Cases;

/// <summary>The canonical encoding pinned to independently computed vectors, and verification of tampered chains.</summary>
public sealed class HistoryChainTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2025, 3, 3, 9, 31, 15, TimeSpan.FromHours(8)).AddTicks(1_234_560);

    private static CaseHistoryEntry Vector1 => new(2, At, "u-官员-1", "B-SY", "Accepted", "", """{"a": "中文😀", "n": 1}""", null);

    // Computed outside .NET (Python: hashlib.sha256 over the same fields) - the encoding is the contract.
    private const string Vector1Hash = "5bc321004de0ff6608f0405274f2674f7e0f3b5678a3e97bd86aad30ce02480d";

    [Fact]
    public void The_canonical_bytes_are_length_prefixed_utf8_fields_with_a_dash_for_null()
    {
        var bytes = HistoryChain.Encode("C-1", Vector1, HistoryChain.GenesisHash);

        Assert.Equal(
            "26:casegrains.case_history.v13:C-11:216:174096547512345610:u-官员-14:B-SY8:Accepted0:27:{\"a\": \"中文😀\", \"n\": 1}-64:"
            + HistoryChain.GenesisHash,
            Encoding.UTF8.GetString(bytes));
        Assert.Equal(Vector1Hash, HistoryChain.ComputeHash("C-1", Vector1, HistoryChain.GenesisHash));
    }

    [Fact]
    public void Instants_before_1970_count_negative_microseconds_and_the_offset_does_not_matter()
    {
        var entry = new CaseHistoryEntry(3, new DateTimeOffset(1970, 1, 1, 7, 59, 59, TimeSpan.FromHours(8)).AddTicks(9_999_990), "u", "o", "A", null, "[]", "k");

        Assert.Equal(
            "26:casegrains.case_history.v13:C-11:32:-11:u1:o1:A-2:[]1:k64:" + Vector1Hash,
            Encoding.UTF8.GetString(HistoryChain.Encode("C-1", entry, Vector1Hash)));
        Assert.Equal("9a0f81328019b7b83119386cd0c89b160a597227268a53bddaa64ec24f911938", HistoryChain.ComputeHash("C-1", entry, Vector1Hash));
    }

    public static TheoryData<string> Changes => ["case", "sequence", "at", "user", "organisation", "action", "reason null", "reason", "payload", "key", "key null", "previous", "shift between fields"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_field_counts_and_null_differs_from_empty(string change)
    {
        var entry = Vector1 with { IdempotencyKey = "k" };
        var (caseId, changed, previous) = change switch
        {
            "case" => ("C-2", entry, HistoryChain.GenesisHash),
            "sequence" => ("C-1", entry with { Sequence = 3 }, HistoryChain.GenesisHash),
            "at" => ("C-1", entry with { At = entry.At.AddTicks(10) }, HistoryChain.GenesisHash),
            "user" => ("C-1", entry with { ActorUserId = "u-官员-2" }, HistoryChain.GenesisHash),
            "organisation" => ("C-1", entry with { ActorOrganisationId = "B-DL" }, HistoryChain.GenesisHash),
            "action" => ("C-1", entry with { Action = "Decided" }, HistoryChain.GenesisHash),
            "reason null" => ("C-1", entry with { Reason = null }, HistoryChain.GenesisHash),
            "reason" => ("C-1", entry with { Reason = " " }, HistoryChain.GenesisHash),
            "payload" => ("C-1", entry with { PayloadJson = """{"a": "中文😀", "n": 2}""" }, HistoryChain.GenesisHash),
            "key" => ("C-1", entry with { IdempotencyKey = "K" }, HistoryChain.GenesisHash),
            "key null" => ("C-1", entry with { IdempotencyKey = null }, HistoryChain.GenesisHash),
            "previous" => ("C-1", entry, Vector1Hash),
            "shift between fields" => ("C-1", entry with { ActorUserId = "u-官员-1B", ActorOrganisationId = "-SY" }, HistoryChain.GenesisHash),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.NotEqual(HistoryChain.Encode("C-1", entry, HistoryChain.GenesisHash), HistoryChain.Encode(caseId, changed, previous));
        Assert.NotEqual(HistoryChain.ComputeHash("C-1", entry, HistoryChain.GenesisHash), HistoryChain.ComputeHash(caseId, changed, previous));
    }

    [Fact]
    public void The_stored_hashes_are_not_part_of_the_content()
    {
        var linked = HistoryChain.Link("C-1", Vector1 with { Hash = "forged", PreviousHash = "forged" }, null);

        Assert.Equal((HistoryChain.GenesisHash, Vector1Hash), (linked.PreviousHash, linked.Hash));
    }

    [Fact]
    public void Text_without_a_utf8_form_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => HistoryChain.Encode("C-1", Vector1 with { Reason = "\ud800" }, HistoryChain.GenesisHash));
    }

    [Fact]
    public void A_chain_as_the_stores_link_it_verifies()
    {
        var chain = Chain(5);

        Assert.Equal(new HistoryVerification(true, 5, null, null), HistoryChain.Verify("C-1", chain));
        Assert.Equal(new HistoryVerification(true, 5, null, null), HistoryChain.Verify("C-1", chain, caseVersion: 5));
        Assert.Equal(new HistoryVerification(true, 0, null, null), HistoryChain.Verify("C-1", [], caseVersion: 0));
    }

    [Fact]
    public void A_chain_verified_as_another_case_breaks_at_its_first_entry()
    {
        var verification = HistoryChain.Verify("C-2", Chain(3));

        Assert.Equal((false, 1L, 1), (verification.Intact, verification.FirstBrokenSequence, verification.EntriesChecked));
    }

    public static TheoryData<string, long, string> Tamperings => new()
    {
        { "reason of entry 3 altered", 3, "content does not match" },
        { "payload of entry 1 altered", 1, "content does not match" },
        { "entry 3 altered and its hash recomputed", 4, "previous hash is not the hash of entry 3" },
        { "entry 3 removed", 3, "Entry 3 is missing" },
        { "entry 1 removed", 1, "Entry 1 is missing" },
        { "sequence numbers of entries 2 and 4 swapped", 2, "previous hash is not the hash of entry 1" },
        { "entry 2 duplicated", 3, "Entry 2 appears where entry 3 should be" },
        { "payloads of entries 2 and 4 swapped", 2, "content does not match" },
        { "entry 2's hash removed", 2, "not chained" },
        { "entry 1 chained to something else", 1, "not the genesis hash" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Verification_reports_the_first_broken_entry(string tampering, long firstBroken, string problem)
    {
        var chain = Chain(5).ToList();
        switch (tampering)
        {
            case "reason of entry 3 altered":
                chain[2] = chain[2] with { Reason = "篡改" };
                break;
            case "payload of entry 1 altered":
                chain[0] = chain[0] with { PayloadJson = """{"sequence": 99}""" };
                break;
            case "entry 3 altered and its hash recomputed":
                chain[2] = HistoryChain.Link("C-1", chain[2] with { Action = "Forged" }, chain[1]);
                break;
            case "entry 3 removed":
                chain.RemoveAt(2);
                break;
            case "entry 1 removed":
                chain.RemoveAt(0);
                break;
            case "sequence numbers of entries 2 and 4 swapped":
                (chain[1], chain[3]) = (chain[3] with { Sequence = 2 }, chain[1] with { Sequence = 4 });
                break;
            case "entry 2 duplicated":
                chain.Insert(2, chain[1]);
                break;
            case "payloads of entries 2 and 4 swapped":
                (chain[1], chain[3]) = (chain[1] with { PayloadJson = chain[3].PayloadJson }, chain[3] with { PayloadJson = chain[1].PayloadJson });
                break;
            case "entry 2's hash removed":
                chain[1] = chain[1] with { Hash = null };
                break;
            case "entry 1 chained to something else":
                chain[0] = HistoryChain.Link("C-1", chain[0], chain[0]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering));
        }

        var verification = HistoryChain.Verify("C-1", chain);

        Assert.False(verification.Intact);
        Assert.Equal(firstBroken, verification.FirstBrokenSequence);
        Assert.Contains(problem, verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_removed_from_the_end_are_found_against_the_case_version()
    {
        var chain = Chain(5);

        Assert.True(HistoryChain.Verify("C-1", chain.Take(3).ToList()).Intact);
        var verification = HistoryChain.Verify("C-1", chain.Take(3).ToList(), caseVersion: 5);
        Assert.Equal(new HistoryVerification(false, 3, 4, "Entry 4 is missing: the case is at version 5 but its history ends at entry 3."), verification);
        Assert.Equal(1L, HistoryChain.Verify("C-1", [], caseVersion: 1).FirstBrokenSequence);
        Assert.Equal(5L, HistoryChain.Verify("C-1", chain, caseVersion: 4).FirstBrokenSequence);
    }

    private static List<CaseHistoryEntry> Chain(int length)
    {
        var chain = new List<CaseHistoryEntry>();
        for (var sequence = 1; sequence <= length; sequence++)
        {
            chain.Add(HistoryChain.Link("C-1", Support.Given.Entry(sequence, $"Step{sequence}"), chain.Count == 0 ? null : chain[^1]));
        }

        return chain;
    }
}
