using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// How numbers of one kind are printed: literal text with the placeholders <c>{bodyShort}</c> (the issuing body's short
/// name, e.g. 大东), <c>{year}</c> and <c>{n}</c>, e.g. <c>{bodyShort}复意〔{year}〕{n}号</c>. <c>{year}</c> and <c>{n}</c>
/// appear exactly once each and never side by side, or 2026 and 7 could not be told from 202 and 67. Immutable.
/// </summary>
public sealed partial class DocumentNumberTemplate
{
    public const string BodyShortPlaceholder = "{bodyShort}";
    public const string YearPlaceholder = "{year}";
    public const string SequencePlaceholder = "{n}";
    public const int MaxLength = 50;
    public const int MaxBodyShortLength = 20;
    public const int MaxSequence = 999_999;

    /// <exception cref="ArgumentException">The template is invalid (<see cref="Validate"/>).</exception>
    public DocumentNumberTemplate(string template)
    {
        var errors = Validate(template);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(template));
        }

        Template = template;
    }

    public string Template { get; }

    /// <summary>Every reason <paramref name="template"/> cannot number documents; empty when it can.</summary>
    public static IReadOnlyList<string> Validate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return ["a template is required"];
        }

        var errors = new List<string>();
        if (template.Length > MaxLength)
        {
            errors.Add($"a template is at most {MaxLength} characters");
        }

        if (template.Any(char.IsControl))
        {
            errors.Add("a template has no control characters");
        }

        var placeholders = Placeholder().Matches(template).Select(m => m.Value).ToList();
        foreach (var unknown in placeholders.Where(p => p is not (BodyShortPlaceholder or YearPlaceholder or SequencePlaceholder)).Distinct())
        {
            errors.Add($"{unknown} is not a placeholder; use {BodyShortPlaceholder}, {YearPlaceholder} and {SequencePlaceholder}");
        }

        if (Placeholder().Replace(template, "").IndexOfAny(['{', '}']) >= 0)
        {
            errors.Add("a brace outside a placeholder");
        }

        foreach (var required in new[] { YearPlaceholder, SequencePlaceholder })
        {
            var count = placeholders.Count(p => p == required);
            if (count != 1)
            {
                errors.Add($"{required} appears {count} times, not once");
            }
        }

        if (placeholders.Count(p => p == BodyShortPlaceholder) > 1)
        {
            errors.Add($"{BodyShortPlaceholder} appears more than once");
        }

        if (template.Contains(YearPlaceholder + SequencePlaceholder, StringComparison.Ordinal)
            || template.Contains(SequencePlaceholder + YearPlaceholder, StringComparison.Ordinal))
        {
            errors.Add($"{YearPlaceholder} and {SequencePlaceholder} must be separated by text");
        }

        return errors;
    }

    /// <summary>Why <paramref name="bodyShort"/> cannot stand in a number, or null when it can: 1–20 printable characters,
    /// no white space or braces.</summary>
    public static string? BodyShortError(string? bodyShort) =>
        string.IsNullOrEmpty(bodyShort) || bodyShort.Length > MaxBodyShortLength
        || bodyShort.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '{' or '}')
            ? $"a body's short name is 1-{MaxBodyShortLength} printable characters without spaces or braces"
            : null;

    /// <summary>The printed number.</summary>
    /// <exception cref="ArgumentException">The short name is invalid, the year is not a four-digit year from 2000, or the
    /// sequence is outside 1–999,999.</exception>
    public string Format(string bodyShort, int year, int sequence)
    {
        if (BodyShortError(bodyShort) is { } error)
        {
            throw new ArgumentException(error, nameof(bodyShort));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return Template
            .Replace(BodyShortPlaceholder, bodyShort, StringComparison.Ordinal)
            .Replace(YearPlaceholder, year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(SequencePlaceholder, sequence.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
