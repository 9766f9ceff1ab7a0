using CaseGrains.Domain.Access;
using CaseGrains.Domain.Complaints;

namespace CaseGrains.Domain.PersonalData;

/// <summary>
/// A complaint or its history entry as a principal may see it: in full for the handling office, otherwise with the
/// complainant's name reduced to its first character and the phone number masked (<see cref="CaseVisibility.Masked"/>).
/// A complainant's name is guarded more closely than an applicant's: who complained about an agency must not reach it.
/// </summary>
public static class ComplaintRedaction
{
    /// <exception cref="ArgumentOutOfRangeException">Any visibility but full or masked: an out-of-scope complaint is never shown.</exception>
    public static EnforcementComplaint For(EnforcementComplaint complaint, CaseVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return visibility switch
        {
            CaseVisibility.Full => complaint,
            CaseVisibility.Masked => complaint with { Complainant = Masked(complaint.Complainant) },
            _ => throw OutOfScope(visibility),
        };
    }

    /// <exception cref="ArgumentOutOfRangeException">Any visibility but full or masked.</exception>
    public static ComplaintEvent For(ComplaintEvent @event, CaseVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return (@event, visibility) switch
        {
            (_, CaseVisibility.Full) => @event,
            (ComplaintReceived received, CaseVisibility.Masked) => received with { Complainant = Masked(received.Complainant) },
            (_, CaseVisibility.Masked) => @event,
            _ => throw OutOfScope(visibility),
        };
    }

    /// <summary>The complainant with the name's first character kept and the rest starred, and the phone masked.</summary>
    public static Complainant? Masked(Complainant? complainant) => complainant is null
        ? null
        : complainant with
        {
            Name = complainant.Name.Length <= 1 ? "*" : string.Concat(complainant.Name.AsSpan(0, 1), new string('*', complainant.Name.Length - 1)),
            Phone = PersonalDataMask.Phone(complainant.Phone),
        };

    private static ArgumentOutOfRangeException OutOfScope(CaseVisibility visibility) =>
        new(nameof(visibility), visibility, "A complaint out of the principal's scope is not shown at all; answer 404 instead.");
}
