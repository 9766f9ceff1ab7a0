namespace CaseGrains.Domain.Supervision;

/// <summary>
/// When repeated corrections reveal a general or trending problem (普遍性、倾向性问题) at one agency: at least
/// <see cref="Occurrences"/> corrected findings with the same flaw kind whose days lie within <see cref="WindowDays"/> days
/// of each other. Counted like every natural-day period: the first day is not counted, so findings exactly
/// <see cref="WindowDays"/> days apart are within the window. It looks back, so no rest day moves its end.
/// </summary>
public sealed record PatternRule
{
    public const int DefaultOccurrences = 3;
    public const int DefaultWindowDays = 180;

    /// <summary>Two is the least that can repeat; fifty is more than any body would wait for.</summary>
    public const int MinOccurrences = 2;
    public const int MaxOccurrences = 50;
    public const int MinWindowDays = 1;
    public const int MaxWindowDays = 3_650;

    /// <summary>N.</summary>
    public int Occurrences { get; init; } = DefaultOccurrences;

    /// <summary>W.</summary>
    public int WindowDays { get; init; } = DefaultWindowDays;

    /// <summary>Three corrections within 180 days.</summary>
    public static PatternRule Default { get; } = new();

    /// <summary>Every reason the rule is unusable; empty when it is valid.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (Occurrences is < MinOccurrences or > MaxOccurrences)
        {
            errors.Add($"occurrences {Occurrences} is outside {MinOccurrences}-{MaxOccurrences}");
        }

        if (WindowDays is < MinWindowDays or > MaxWindowDays)
        {
            errors.Add($"windowDays {WindowDays} is outside {MinWindowDays}-{MaxWindowDays}");
        }

        return errors;
    }
}
