namespace CaseGrains.Domain.Deadlines;

/// <summary>How a statutory period is counted: 3, 5, 7 and 10-day periods are working days (Art. 88), all others natural days.</summary>
public enum DeadlineUnit
{
    WorkingDays,
    NaturalDays,
}
