namespace CaseGrains.Persistence.Cases;

/// <summary>
/// A filtered, paged case list. Null filters are not applied; an empty <see cref="Statuses"/> list is not applied
/// either (any of the listed statuses otherwise). <see cref="RegionId"/> matches the region and all its
/// subregions (an unknown region matches nothing). <see cref="DueBefore"/> keeps cases whose nearest due date is
/// on or before that day. <see cref="Overdue"/> compares the nearest due date with <see cref="Today"/>: true keeps
/// those due before today, false those due today or later or with no running deadline.
/// <see cref="Text"/> matches applicant and agency names (case-insensitive substring; <c>%</c> and <c>_</c> are
/// literal). <see cref="Scope"/> limits the list to the cases the asker may see (null: all), ANDed with the
/// filters. Pages start at 1; <see cref="PageSize"/> is 1 to <see cref="MaxPageSize"/>; out-of-range paging
/// throws <see cref="ArgumentOutOfRangeException"/>. The total is counted only up to <see cref="CountLimit"/> matches, or
/// to the end of the page asked for if that is further (<see cref="CasePage.TotalIsExact"/>): an exact count of a
/// million cases reads every matching index entry, and nobody pages through more than a thousand.
/// </summary>
public sealed record CaseListQuery
{
    public const int MaxPageSize = 200;

    public const int DefaultCountLimit = 1_000;

    public IReadOnlyList<string>? Statuses { get; init; }

    public string? ReceivingBodyId { get; init; }

    public string? CompetentBodyId { get; init; }

    public string? RespondentAgencyId { get; init; }

    public string? RegionId { get; init; }

    public string? Channel { get; init; }

    public bool? EnterpriseRelated { get; init; }

    public DateOnly? DueBefore { get; init; }

    public bool? Overdue { get; init; }

    public string? Text { get; init; }

    public CaseListScope? Scope { get; init; }

    public required DateOnly Today { get; init; }

    public CaseSort Sort { get; init; } = CaseSort.NearestDeadline;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    /// <summary>How many matches the total counts at most (at least 1); the API keeps the default.</summary>
    public int CountLimit { get; init; } = DefaultCountLimit;
}
