namespace CaseGrains.Persistence.Cases;

/// <summary>
/// Which cases a list may show at all (who is asking), ANDed with every filter of the <see cref="CaseListQuery"/>.
/// At most one property is set; none set means every case, as a null <see cref="CaseListQuery.Scope"/> does.
/// Setting more than one is refused with an <see cref="ArgumentException"/> when the list is asked for.
/// Values are compared exactly (ordinal).
/// </summary>
public sealed record CaseListScope
{
    /// <summary>Cases whose applicant is this user account (<see cref="CaseIndexEntry.ApplicantUserId"/>).</summary>
    public string? ApplicantUserId { get; init; }

    /// <summary>Cases received through this intake point.</summary>
    public string? IntakePointId { get; init; }

    /// <summary>Cases this reconsideration body decides or received: competent body OR receiving body.</summary>
    public string? BodyId { get; init; }

    /// <summary>Cases against this agency.</summary>
    public string? RespondentAgencyId { get; init; }

    /// <summary>
    /// Cases whose <see cref="CaseIndexEntry.RegionPath"/> starts with this region path, i.e. the region's subtree.
    /// Must be a region path: starting and ending with <c>/</c> (e.g. <c>/R210000/R210100/</c>), so that a region
    /// never takes in a sibling whose code merely starts with its own.
    /// </summary>
    public string? RegionPathPrefix { get; init; }

    /// <summary>Whether the scope admits <paramref name="row"/>: what a store without SQL applies.</summary>
    public bool Admits(CaseIndexEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (ApplicantUserId is null || string.Equals(row.ApplicantUserId, ApplicantUserId, StringComparison.Ordinal))
            && (IntakePointId is null || string.Equals(row.IntakePointId, IntakePointId, StringComparison.Ordinal))
            && (BodyId is null || string.Equals(row.CompetentBodyId, BodyId, StringComparison.Ordinal)
                || string.Equals(row.ReceivingBodyId, BodyId, StringComparison.Ordinal))
            && (RespondentAgencyId is null || string.Equals(row.RespondentAgencyId, RespondentAgencyId, StringComparison.Ordinal))
            && (RegionPathPrefix is null || row.RegionPath.StartsWith(RegionPathPrefix, StringComparison.Ordinal));
    }

    public static CaseListScope Applicant(string userId) => new() { ApplicantUserId = userId };

    public static CaseListScope IntakePoint(string intakePointId) => new() { IntakePointId = intakePointId };

    public static CaseListScope Body(string bodyId) => new() { BodyId = bodyId };

    public static CaseListScope RespondentAgency(string agencyId) => new() { RespondentAgencyId = agencyId };

    public static CaseListScope Region(string regionPath) => new() { RegionPathPrefix = regionPath };
}
