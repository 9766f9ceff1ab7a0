using System.Collections;
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

    /// <summary>The first text of <paramref name="value"/> (and of the records it holds) that is too long, as a refusal.</summary>
    public static CaseRefusal? FirstViolation(object value, string path = "")
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var field = path + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            switch (property.GetValue(value))
            {
                case string text when text.Length > LimitOf(property.Name):
                    return TooLong(field, LimitOf(property.Name));
                case IEnumerable<string?> texts:
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
                case Applicant or ChallengedAct:
                    if (FirstViolation(property.GetValue(value)!, field + ".") is { } nested)
                    {
                        return nested;
                    }

                    break;
                case ICollection { Count: > ListEntries }:
                    return CaseRefusal.Invalid(field, "too_many_entries", "列表项过多", $"{field} has more than {ListEntries} entries.");
            }
        }

        return null;
    }

    private static int LimitOf(string property) => property switch
    {
        "Reason" => Reason,
        "Name" or "Phone" or "IdNumber" or "ApprovedBy" => Identifier,
        _ when property.EndsWith("Id", StringComparison.Ordinal) => Identifier,
        _ => Text,
    };

    private static CaseRefusal TooLong(string field, int limit) =>
        CaseRefusal.Invalid(field, "text_too_long", "内容超过长度限制", $"{field} is longer than {limit} characters.");
}
