namespace CaseGrains.Persistence.Statistics;

/// <summary>An agency's open instruments now (<see cref="Domain.Statistics.OpenInstruments"/>), and how many of them are
/// overdue rectifications: the supervision columns of the supervisor's view.</summary>
public sealed record AgencyInstrumentCounts(string AgencyId, long OpenNotices, long OverdueRectifications)
{
    public static AgencyInstrumentCounts None(string agencyId) => new(agencyId, 0, 0);
}
