using System.Globalization;

namespace CaseGrains.Domain.PersonalData;

/// <summary>
/// The citizen identity number (公民身份号码) of GB 11643-1999: a six-digit address code, the birth date as
/// <c>yyyyMMdd</c>, a three-digit sequence code and a check character computed with ISO 7064 MOD 11-2.
/// A lower-case <c>x</c> is accepted and normalised to <c>X</c>.
/// </summary>
public static class ResidentIdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private const string CheckCharacters = "10X98765432";

    /// <summary>
    /// True when <paramref name="value"/> (surrounding white space ignored) is 17 digits with a valid birth date in
    /// positions 7-14 and the check character that ISO 7064 MOD 11-2 gives for them.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var id = value.AsSpan().Trim();
        if (id.Length != Length || id[0] == '0')
        {
            return false;
        }

        foreach (var c in id[..17])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return HasValidBirthDate(id) && char.ToUpperInvariant(id[17]) == CheckCharacter(id[..17]);
    }

    /// <summary>The number as it is stored: without surrounding white space and with an upper-case <c>X</c>.</summary>
    /// <exception cref="ArgumentException">The value is not a valid number; the message does not repeat it.</exception>
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValid(value))
        {
            throw new ArgumentException("The value is not a valid resident identity number (GB 11643-1999).", nameof(value));
        }

        return value.Trim().ToUpperInvariant();
    }

    /// <summary>The check character (<c>0</c>-<c>9</c> or <c>X</c>) for the first 17 digits.</summary>
    /// <exception cref="ArgumentException">The input is not exactly 17 ASCII digits.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Weights.Length)
        {
            throw new ArgumentException("The check character is computed from exactly 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException("The check character is computed from digits only.", nameof(first17));
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>The birth date the number encodes; null when the number is not valid.</summary>
    public static DateOnly? BirthDateOf(string? value) =>
        IsValid(value) && DateOnly.TryParseExact(value!.AsSpan().Trim()[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static bool HasValidBirthDate(ReadOnlySpan<char> id) =>
        DateOnly.TryParseExact(id[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year >= 1800;
}
