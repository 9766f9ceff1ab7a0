using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// How long the texts a case records may be: identifiers and names of people 100 characters, a reason 2,000,
/// any other text (claims, summaries, terms, opinions) 5,000, and a list at most 50 entries. The gateway's
/// generic cap (10,000 characters) only stops abuse; these are the limits of the record itself.
/// </summary>
public static class TextLimits
{
    public const int Identifier = 100;
    public const int Reason = 2_000;
    public const int Text = 5_000;
    public const int ListEntries = 50;

    /// <summary>The properties checked per type, found once: every case action checks its command, and reflecting over
    /// it each time cost more than the rest of the check.</summary>
    private static readonly ConcurrentDictionary<Type, CheckedProperty[]> Checked = new();

    /// <summary>The first text of <paramref name="value"/> (and of the records it holds) that is too long, as a refusal.</summary>
    public static CaseRefusal? FirstViolation(object value, string path = "")
    {
        foreach (var (property, name, limit) in Checked.GetOrAdd(value.GetType(), PropertiesOf))
        {
            switch (property.GetValue(value))
            {
                case string text when text.Length > limit:
                    return TooLong(path + name, limit);
                case IEnumerable<string?> texts:
                    var field = path + name;
                    var list = texts.ToList();
                    if (list.Count > ListEntries)
                    {
                        return CaseRefusal.Invalid(field, "too_many_entries", "列表项过多", $"{field} has more than {ListEntries} entries.");
                    }

                    if (list.FindIndex(t => t is null) is var missing and >= 0)
                    {
                        return CaseRefusal.Invalid($"{field}[{missing}]", "required", "缺少必填内容", $"{field}[{missing}] is empty.");
                    }

                    if (list.FindIndex(t => t!.Length > Text) is var index and >= 0)
                    {
                        return TooLong($"{field}[{index}]", Text);
                    }

                    break;
                case (Applicant or ChallengedAct) and var held:
                    if (FirstViolation(held, path + name + ".") is { } nested)
                    {
                        return nested;
                    }

                    break;
                case ICollection { Count: > ListEntries }:
                    return CaseRefusal.Invalid(path + name, "too_many_entries", "列表项过多", $"{path + name} has more than {ListEntries} entries.");
            }
        }

        return null;
    }

    private static CheckedProperty[] PropertiesOf(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
            .Select(p => new CheckedProperty(p, char.ToLowerInvariant(p.Name[0]) + p.Name[1..], LimitOf(p.Name))),
    ];

    private static int LimitOf(string property) => property switch
    {
        "Reason" => Reason,
        "Name" or "Phone" or "IdNumber" or "ApprovedBy" => Identifier,
        _ when property.EndsWith("Id", StringComparison.Ordinal) => Identifier,
        _ => Text,
    };

    private static CaseRefusal TooLong(string field, int limit) =>
        CaseRefusal.Invalid(field, "text_too_long", "内容超过长度限制", $"{field} is longer than {limit} characters.");

    /// <summary>A property whose texts are checked, with its name in the refusal's field path and its limit.</summary>
    private sealed record CheckedProperty(PropertyInfo Property, string Name, int Limit);
}
