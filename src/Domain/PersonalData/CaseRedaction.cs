using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.PersonalData;

/// <summary>
/// A case or history entry as a principal with a given <see cref="CaseVisibility"/> may see it: in full; with the
/// applicant's ID and phone numbers masked (<see cref="CaseVisibility.Masked"/>); or, for the respondent, masked and
/// without the applicant's address, their platform account or the committee's opinion, which is internal
/// deliberation (<see cref="CaseVisibility.Respondent"/>).
/// </summary>
public static class CaseRedaction
{
    /// <summary>What a respondent reads in place of the committee's opinion in the history.</summary>
    public const string Withheld = "（内部意见，不予公开）";

    /// <exception cref="ArgumentOutOfRangeException"><see cref="CaseVisibility.None"/>: an out-of-scope case is never shown.</exception>
    /// <summary>Whether the applicant's own platform account may be shown: not to the respondent.</summary>
    public static bool ShowsApplicantAccount(CaseVisibility visibility) => visibility is CaseVisibility.Full or CaseVisibility.Masked;

    public static ReconsiderationCase For(ReconsiderationCase @case, CaseVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return visibility switch
        {
            CaseVisibility.Full => @case,
            CaseVisibility.Masked => @case with { Applicant = Masked(@case.Applicant) },
            CaseVisibility.Respondent => @case with
            {
                Applicant = Masked(@case.Applicant) with { Address = null },
                ApplicantUserId = null,
                Committee = @case.Committee is null ? null : @case.Committee with { Opinion = null },
            },
            _ => throw OutOfScope(visibility),
        };
    }

    /// <summary>A history entry's event as <paramref name="visibility"/> allows: the receipt carries the applicant,
    /// the committee's opinion is withheld from the respondent; other events carry nothing to redact.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="CaseVisibility.None"/>: an out-of-scope case is never shown.</exception>
    public static CaseEvent For(CaseEvent @event, CaseVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return (@event, visibility) switch
        {
            (_, CaseVisibility.None) or (_, > CaseVisibility.Respondent) => throw OutOfScope(visibility),
            (_, CaseVisibility.Full) => @event,
            (ApplicationReceived received, CaseVisibility.Masked) => received with { Applicant = Masked(received.Applicant) },
            (ApplicationReceived received, CaseVisibility.Respondent) => received with
            {
                Applicant = Masked(received.Applicant) with { Address = null },
                ApplicantUserId = null,
            },
            (CommitteeOpinionRecorded opinion, CaseVisibility.Respondent) => opinion with { Opinion = Withheld },
            _ => @event,
        };
    }

    /// <summary>The applicant with ID and phone numbers masked.</summary>
    public static Applicant Masked(Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return applicant with
        {
            IdNumber = PersonalDataMask.IdNumber(applicant.IdNumber),
            Phone = PersonalDataMask.Phone(applicant.Phone),
        };
    }

    private static ArgumentOutOfRangeException OutOfScope(CaseVisibility visibility) =>
        new(nameof(visibility), visibility, "A case out of the principal's scope is not shown at all; answer 404 instead.");
}
