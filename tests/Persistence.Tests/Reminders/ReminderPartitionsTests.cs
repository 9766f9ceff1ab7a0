using System.Security.Cryptography;
using System.Text;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Persistence.Tests.Reminders;

public sealed class ReminderPartitionsTests
{
    [Fact]
    public void There_are_64_partitions() => Assert.Equal(64, ReminderPartitions.Count);

    // Pinned values: a change of hash or count would silently move every stored row to another scheduler.
    [Theory]
    [InlineData("")]
    [InlineData("C-1")]
    [InlineData("FY-2025-000123")]
    [InlineData("辽沈行复〔2025〕1号")]
    public void A_partition_is_the_first_two_bytes_of_sha256_of_the_utf8_id_modulo_the_count(string caseId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caseId));

        Assert.Equal(((hash[0] << 8) | hash[1]) % 64, ReminderPartitions.Of(caseId));
    }

    [Fact]
    public void Known_ids_keep_their_partitions()
    {
        // sha256("") = e3b0...: 0xe3b0 % 64 = 48; sha256("abc") = ba78...: 0xba78 % 64 = 56.
        Assert.Equal(48, ReminderPartitions.Of(""));
        Assert.Equal(56, ReminderPartitions.Of("abc"));
    }

    [Fact]
    public void Partitions_are_in_range_and_all_used()
    {
        var partitions = Enumerable.Range(0, 5000).Select(i => ReminderPartitions.Of($"C-{i}")).ToList();

        Assert.All(partitions, p => Assert.InRange(p, 0, ReminderPartitions.Count - 1));
        Assert.Equal(ReminderPartitions.Count, partitions.Distinct().Count());
        Assert.Equal(partitions, Enumerable.Range(0, 5000).Select(i => ReminderPartitions.Of($"C-{i}")));
    }
}
