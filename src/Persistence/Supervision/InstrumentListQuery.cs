namespace CaseGrains.Persistence.Supervision;

/// <summary>
/// A page of instruments, newest draft first. The scope fields come from who asks and are all applied:
/// <see cref="ScopeAgencyId"/> (agency staff see their own agency's), <see cref="ScopeIssuingBodyId"/> (a body's officers
/// see what it issues), <see cref="ScopeRegionPath"/> (a supervisor sees instruments against agencies in their region and
/// its subregions, and those escalated to them), <see cref="ExcludeDrafts"/> (an agency never sees a draft). The filters
/// narrow further: <see cref="SupervisorRegionPath"/> is exactly where the matter sits now (a supervisor's inbox).
/// </summary>
public sealed record InstrumentListQuery
{
    public string? ScopeAgencyId { get; init; }

    public string? ScopeIssuingBodyId { get; init; }

    public string? ScopeRegionPath { get; init; }

    public bool ExcludeDrafts { get; init; }

    public string? AgencyId { get; init; }

    public string? Kind { get; init; }

    public string? Status { get; init; }

    public string? SupervisorRegionPath { get; init; }

    public bool? Overdue { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
