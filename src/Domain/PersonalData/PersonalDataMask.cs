namespace CaseGrains.Domain.PersonalData;

/// <summary>
/// How personal numbers are shown to those who do not need them in full: the ends stay readable so that a person
/// can recognise their own number, the middle is starred (<c>2101**********4512</c>, <c>138****5678</c>).
/// </summary>
public static class PersonalDataMask
{
    /// <summary>The first four and last four characters, every other one starred; a short value is starred whole.</summary>
    public static string? IdNumber(string? value) => Mask(value, keepStart: 4, keepEnd: 4);

    /// <summary>The first three and last four characters, every other one starred; a short value is starred whole.</summary>
    public static string? Phone(string? value) => Mask(value, keepStart: 3, keepEnd: 4);

    /// <summary>True when <paramref name="value"/> has already been masked (contains a star).</summary>
    public static bool IsMasked(string? value) => value is not null && value.Contains('*', StringComparison.Ordinal);

    private static string? Mask(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var text = value.Trim();
        return text.Length <= keepStart + keepEnd
            ? new string('*', text.Length)
            : string.Concat(text.AsSpan(0, keepStart), new string('*', text.Length - keepStart - keepEnd), text.AsSpan(text.Length - keepEnd));
    }
}
