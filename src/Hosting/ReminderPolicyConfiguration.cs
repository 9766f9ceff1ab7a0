using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using Microsoft.Extensions.Configuration;

namespace CaseGrains.Hosting;

/// <summary>
/// Reads the reminder policy from <c>Reminders:AdvanceWarningDays</c>, one entry per deadline kind that differs from the
/// default of 3 working days, e.g. <c>Reminders__AdvanceWarningDays__Decision=10</c>. A misspelt kind or a value
/// outside 0–30 stops start-up with a message naming it, rather than silently warning on the default.
/// </summary>
public static class ReminderPolicyConfiguration
{
    public const string Section = "Reminders:AdvanceWarningDays";

    public static ReminderPolicy Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var days = new Dictionary<DeadlineKind, int>();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            if (!Enum.TryParse<DeadlineKind>(entry.Key, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(entry.Key, out _))
            {
                throw new InvalidOperationException(
                    $"{Section}:{entry.Key} is not a deadline kind; use one of {string.Join(", ", Enum.GetNames<DeadlineKind>())}.");
            }

            if (!int.TryParse(entry.Value, out var value))
            {
                throw new InvalidOperationException($"{Section}:{entry.Key} must be a whole number of working days, not '{entry.Value}'.");
            }

            days[kind] = value;
        }

        var errors = ReminderPolicy.Validate(days);
        return errors.Count == 0 ? new ReminderPolicy(days) : throw new InvalidOperationException($"{Section}: {string.Join("; ", errors)}.");
    }
}
