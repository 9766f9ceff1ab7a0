namespace CaseGrains.Persistence.Cases;

/// <summary>
/// A filtered, paged case list. Null filters are not applied. <see cref="RegionId"/> matches the region and all
/// its subregions. <see cref="Overdue"/> compares the nearest due date with <see cref="Today"/>.
/// <see cref="Text"/> matches applicant and agency names (case-insensitive substring). Pages start at 1.
/// </summary>
public sealed record CaseListQuery
{
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

    public required DateOnly Today { get; init; }

    public CaseSort Sort { get; init; } = CaseSort.NearestDeadline;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}
