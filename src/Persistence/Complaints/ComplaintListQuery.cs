namespace CaseGrains.Persistence.Complaints;

/// <summary>
/// A filtered, paged complaint list; null filters are not applied, nor is an empty <see cref="Statuses"/>.
/// <see cref="RegionId"/> matches the region and its subregions (an unknown region matches nothing).
/// <see cref="Overdue"/> true keeps complaints whose answer is due before <see cref="Today"/> and not given, false the
/// others. <see cref="Text"/> matches the agency's name (case-insensitive substring, <c>%</c> and <c>_</c> literal).
/// <see cref="ScopeRegionPath"/> limits the list to the caller's region subtree (null: every complaint); it must start
/// and end with <c>/</c>. Pages start at 1; <see cref="PageSize"/> is 1 to <see cref="MaxPageSize"/>.
/// </summary>
public sealed record ComplaintListQuery
{
    public const int MaxPageSize = 200;

    public IReadOnlyList<string>? Statuses { get; init; }

    public string? Kind { get; init; }

    public string? AgencyId { get; init; }

    public string? HandlingOfficeId { get; init; }

    public string? RegionId { get; init; }

    public bool? Overdue { get; init; }

    public bool? Substantiated { get; init; }

    public string? Text { get; init; }

    public string? ScopeRegionPath { get; init; }

    public required DateOnly Today { get; init; }

    public ComplaintSort Sort { get; init; } = ComplaintSort.AnswerDue;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}
