using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// Which case is which in a data set of <see cref="Cases"/> cases, <see cref="Due"/> of them due at T: case number n
/// (0 to Cases − 1) has a fixed id, and the due ones are spread evenly through the numbers, so through every batch and
/// every scheduler partition. The same numbers give the same cases in every load.
/// </summary>
public sealed record DataSetPlan(int Cases, int Due)
{
    /// <summary>An id of the platform's form (<c>RC-</c> and 16 hex digits), derived from the number.</summary>
    public static string CaseIdOf(int number) =>
        "RC-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"casegrains-bench/{number}")).AsSpan(0, 8));

    /// <summary>Exactly <see cref="Due"/> numbers are due: those where ⌊(n + 1)·Due/Cases⌋ steps up.</summary>
    public bool IsDue(int number) => (long)(number + 1) * Due / Cases > (long)number * Due / Cases;

    public CaseLife LifeOf(int number) => IsDue(number) ? CaseLife.DueAtT : CaseLife.NotDue[number % CaseLife.NotDue.Count];

    /// <summary>About <paramref name="count"/> case numbers spread over the whole set, due and not due, to check in depth.</summary>
    public IEnumerable<int> Sample(int count)
    {
        var step = Math.Max(1, Cases / count);
        return Enumerable.Range(0, Cases / step).Select(i => i * step).Concat(Enumerable.Range(0, Cases).Where(IsDue).Take(count / 10)).Distinct();
    }
}
