using System.Text.RegularExpressions;

namespace CaseGrains.Domain.PersonalData;

/// <summary>
/// A contact telephone number: a mainland mobile number (<c>1[3-9]</c> and nine more digits), optionally written
/// with <c>+86</c>, or a landline with its area code, <c>0xx-xxxxxxxx</c> or <c>0xxx-xxxxxxx</c>.
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>True when <paramref name="value"/> (surrounding white space ignored) is a mobile or landline number.</summary>
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value.Trim());

    /// <summary>The number as it is stored: without surrounding white space.</summary>
    /// <exception cref="ArgumentException">The value is not a valid number; the message does not repeat it.</exception>
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValid(value))
        {
            throw new ArgumentException("The value is not a mainland mobile or landline telephone number.", nameof(value));
        }

        return value.Trim();
    }

    [GeneratedRegex(@"^(?:(?:\+86[ -]?)?1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
