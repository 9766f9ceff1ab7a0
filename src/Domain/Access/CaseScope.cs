using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Access;

/// <summary>
/// The rows of a case list, count or statistic a principal may see (<see cref="CaseAccessPolicy.ScopeOf"/>):
/// <see cref="All"/>, nothing (<see cref="IsNothing"/>), or the cases matching exactly one of the filters. It
/// includes a case exactly when <see cref="CaseAccessPolicy.VisibilityOf"/> is not <see cref="CaseVisibility.None"/>,
/// so that a store can apply it as a WHERE clause and agree with the policy.
/// </summary>
public sealed record CaseScope
{
    private CaseScope()
    {
    }

    /// <summary>Every case.</summary>
    public static CaseScope Everything { get; } = new() { All = true };

    /// <summary>No case at all.</summary>
    public static CaseScope Nothing { get; } = new();

    public bool All { get; private init; }

    /// <summary>Cases filed by this applicant account (<see cref="ReconsiderationCase.ApplicantUserId"/>).</summary>
    public string? ApplicantUserId { get; private init; }

    /// <summary>Cases received at this intake point.</summary>
    public string? IntakePointId { get; private init; }

    /// <summary>Cases whose competent body <em>or</em> receiving body is this body.</summary>
    public string? BodyId { get; private init; }

    /// <summary>Cases against this respondent agency.</summary>
    public string? RespondentAgencyId { get; private init; }

    /// <summary>Cases whose <see cref="ReconsiderationCase.RegionPath"/> starts with this path (ordinal): the region
    /// and its subregions. A store translating it to <c>LIKE</c> must escape <c>_</c> and <c>%</c>, which ids may contain.</summary>
    public string? RegionPathPrefix { get; private init; }

    /// <summary>True when the scope admits no case.</summary>
    public bool IsNothing =>
        !All && ApplicantUserId is null && IntakePointId is null && BodyId is null && RespondentAgencyId is null && RegionPathPrefix is null;

    public static CaseScope OfApplicant(string userId) => new() { ApplicantUserId = Required(userId) };

    public static CaseScope OfIntakePoint(string intakePointId) => new() { IntakePointId = Required(intakePointId) };

    public static CaseScope OfBody(string bodyId) => new() { BodyId = Required(bodyId) };

    public static CaseScope OfRespondent(string agencyId) => new() { RespondentAgencyId = Required(agencyId) };

    public static CaseScope OfRegion(string regionPathPrefix) => new() { RegionPathPrefix = Required(regionPathPrefix) };

    /// <summary>Whether <paramref name="case"/> is one of the rows this scope admits.</summary>
    public bool Includes(ReconsiderationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return All
            || (ApplicantUserId is not null && string.Equals(@case.ApplicantUserId, ApplicantUserId, StringComparison.Ordinal))
            || (IntakePointId is not null && string.Equals(@case.IntakePointId, IntakePointId, StringComparison.Ordinal))
            || (BodyId is not null && (string.Equals(@case.CompetentBodyId, BodyId, StringComparison.Ordinal)
                || string.Equals(@case.ReceivingBodyId, BodyId, StringComparison.Ordinal)))
            || (RespondentAgencyId is not null && string.Equals(@case.RespondentAgencyId, RespondentAgencyId, StringComparison.Ordinal))
            || (RegionPathPrefix is not null && @case.RegionPath.StartsWith(RegionPathPrefix, StringComparison.Ordinal));
    }

    private static string Required(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}
