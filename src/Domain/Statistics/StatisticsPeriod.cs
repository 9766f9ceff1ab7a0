namespace CaseGrains.Domain.Statistics;

/// <summary>
/// The days a figure covers, both ends included (Beijing dates); an open end is unbounded. Which date of a case falls
/// in the period depends on the figure: its receipt for the applications received, its ending for everything else.
/// </summary>
public sealed record StatisticsPeriod(DateOnly? From, DateOnly? To)
{
    public static StatisticsPeriod Always { get; } = new(null, null);

    /// <summary>True when <see cref="From"/> is after <see cref="To"/>, so that no day is in the period.</summary>
    public bool IsEmpty => From is { } from && To is { } to && from > to;

    public bool Contains(DateOnly? day) => day is { } d && (From is not { } from || d >= from) && (To is not { } to || d <= to);
}
