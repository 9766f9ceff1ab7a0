using System.Globalization;

namespace CaseGrains.Api.Http;

/// <summary>
/// Reads query-string parameters strictly: a parameter given twice, or one its parser refuses, is recorded in
/// <c>errors</c> under its name, so that the endpoint answers one 400 naming every malformed parameter.
/// </summary>
public static class QueryParameters
{
    /// <summary>The parameter parsed by <paramref name="parse"/> (a value, or an error message); default when absent.</summary>
    public static T? Parse<T>(IQueryCollection query, string name, Dictionary<string, string[]> errors, Func<string, (T? Value, string? Error)> parse)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return default;
        }

        if (values.Count > 1)
        {
            errors[name] = ["given more than once"];
            return default;
        }

        var (value, error) = parse(values.ToString());
        if (error is not null)
        {
            errors[name] = [error];
        }

        return value;
    }

    /// <summary>A short printable text: an identifier or a search term.</summary>
    public static string? Text(IQueryCollection query, string name, Dictionary<string, string[]> errors) =>
        Parse<string>(query, name, errors, raw => raw.Length <= 100 && TextSafety.ProblemWith(raw) is null
            ? (raw, null)
            : (null, "at most 100 printable characters"));

    public static (bool? Value, string? Error) Boolean(string raw) => raw switch
    {
        "true" => (true, null),
        "false" => (false, null),
        _ => (null, "expected true or false"),
    };

    public static (int? Value, string? Error) Number(string raw, int min, int max) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (n, null)
            : (null, $"expected a whole number from {min} to {max}");

    public static (long? Value, string? Error) LongNumber(string raw, long min, long max) =>
        long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (n, null)
            : (null, $"expected a whole number from {min} to {max}");
}
