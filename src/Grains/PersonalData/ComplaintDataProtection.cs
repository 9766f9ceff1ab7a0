using CaseGrains.Domain.Complaints;

namespace CaseGrains.Grains.PersonalData;

/// <summary>
/// The complainant's name and phone sealed wherever a complaint stores them (its state and the
/// <see cref="ComplaintReceived"/> entry of its history), with the applicants' key and format
/// (<see cref="PersonalDataProtector"/>). The name is sealed too, unlike an applicant's: nothing lists or searches
/// complaints by complainant, and who complained about an agency is the first thing to keep from it.
/// </summary>
public static class ComplaintDataProtection
{
    public static EnforcementComplaint Protect(this PersonalDataProtector protector, EnforcementComplaint complaint) =>
        complaint with { Complainant = Seal(protector, complaint.Complainant) };

    /// <exception cref="System.Security.Cryptography.CryptographicException">Sealed under another key, or altered.</exception>
    public static EnforcementComplaint Unprotect(this PersonalDataProtector protector, EnforcementComplaint complaint) =>
        complaint with { Complainant = Open(protector, complaint.Complainant) };

    public static ComplaintEvent Protect(this PersonalDataProtector protector, ComplaintEvent @event) =>
        @event is ComplaintReceived received ? received with { Complainant = Seal(protector, received.Complainant) } : @event;

    /// <exception cref="System.Security.Cryptography.CryptographicException">Sealed under another key, or altered.</exception>
    public static ComplaintEvent Unprotect(this PersonalDataProtector protector, ComplaintEvent @event) =>
        @event is ComplaintReceived received ? received with { Complainant = Open(protector, received.Complainant) } : @event;

    private static Complainant? Seal(PersonalDataProtector protector, Complainant? complainant) =>
        complainant is null ? null : complainant with { Name = protector.Protect(complainant.Name), Phone = protector.Protect(complainant.Phone) };

    private static Complainant? Open(PersonalDataProtector protector, Complainant? complainant) =>
        complainant is null ? null : complainant with { Name = protector.Unprotect(complainant.Name), Phone = protector.Unprotect(complainant.Phone) };
}
