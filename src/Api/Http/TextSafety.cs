namespace CaseGrains.Api.Http;

/// <summary>
/// Characters no text of the platform may hold: control characters other than tab and line breaks, and the
/// bidirectional embedding, override and isolate marks (U+202A–U+202E, U+2066–U+2069), which can make a name
/// or a claim display as something other than what is stored.
/// </summary>
public static class TextSafety
{
    public static string? ProblemWith(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return "control characters are not allowed";
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return "bidirectional override characters are not allowed";
            }
        }

        return null;
    }
}
