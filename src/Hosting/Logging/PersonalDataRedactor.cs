using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CaseGrains.Hosting.Logging;

/// <summary>
/// Masks resident ID numbers and mobile phone numbers in every log property, as a last line of defence: no
/// code logs them on purpose, but an exception message or a stray value must not leak them either.
/// </summary>
public sealed partial class PersonalDataRedactor : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var redacted = Redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    public static string Redact(string text)
    {
        var masked = IdNumber().Replace(text, m => m.Value[..4] + new string('*', m.Length - 8) + m.Value[^4..]);
        masked = Phone().Replace(masked, m => m.Value[..3] + "****" + m.Value[^4..]);
        return Landline().Replace(masked, m => m.Groups["area"].Value + "-****" + m.Value[^3..]);
    }

    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when Redact(text) is var masked && masked != text => new ScalarValue(masked),
        SequenceValue sequence => RedactAll(sequence.Elements, elements => new SequenceValue(elements), sequence),
        StructureValue structure => RedactStructure(structure),
        _ => value,
    };

    private static LogEventPropertyValue RedactAll(IReadOnlyList<LogEventPropertyValue> elements, Func<IEnumerable<LogEventPropertyValue>, LogEventPropertyValue> rebuild, LogEventPropertyValue original)
    {
        var redacted = elements.Select(Redact).ToList();
        return redacted.Where((e, i) => !ReferenceEquals(e, elements[i])).Any() ? rebuild(redacted) : original;
    }

    private static LogEventPropertyValue RedactStructure(StructureValue structure)
    {
        var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))).ToList();
        return properties.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any()
            ? new StructureValue(properties, structure.TypeTag)
            : structure;
    }

    // 18-character resident identity numbers (GB 11643), not inside a longer run of digits.
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")]
    private static partial Regex IdNumber();

    // Mainland mobile numbers.
    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Phone();

    // Landlines written with their area code: 024-12345678, 0411-1234567.
    [GeneratedRegex(@"(?<![0-9])(?<area>0[0-9]{2,3})-[0-9]{7,8}(?![0-9])")]
    private static partial Regex Landline();
}
