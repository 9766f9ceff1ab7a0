namespace CaseGrains.Domain.Calendar;

/// <summary>
/// One year's holiday arrangement (节假日安排) as published by the State Council: statutory days off and
/// the weekend days that are worked instead (调休上班日).
/// </summary>
public sealed record HolidayYear(int Year, IReadOnlyList<HolidayDate> Off, IReadOnlyList<HolidayDate> MakeupWorkdays)
{
    /// <summary>Every reason this arrangement cannot be loaded; empty when it is consistent.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Year is < 2000 or > 2100)
        {
            errors.Add($"year {Year} is outside 2000-2100");
        }

        // A JSON array may hold null where a day belongs; it is reported, and the checks below look at the days given.
        foreach (var (given, name) in new[] { (Off, "off"), (MakeupWorkdays, "makeupWorkdays") })
        {
            for (var i = 0; i < given.Count; i++)
            {
                if (given[i] is null)
                {
                    errors.Add($"{name}[{i}]: an entry is null; each needs a date and a holiday name");
                }
            }

            var list = Days(given);
            foreach (var day in list.Where(d => d.Date.Year != Year))
            {
                errors.Add($"{name}: {day.Date:yyyy-MM-dd} is not in {Year}");
            }

            foreach (var dup in list.GroupBy(d => d.Date).Where(g => g.Count() > 1))
            {
                errors.Add($"{name}: {dup.Key:yyyy-MM-dd} is listed more than once");
            }

            foreach (var day in list.Where(d => string.IsNullOrWhiteSpace(d.Name)))
            {
                errors.Add($"{name}: {day.Date:yyyy-MM-dd} has no holiday name");
            }
        }

        foreach (var day in Days(MakeupWorkdays).Where(d => !WorkingDayCalendar.IsWeekend(d.Date)))
        {
            errors.Add($"makeupWorkdays: {day.Date:yyyy-MM-dd} is a weekday, only a weekend day can be a make-up workday");
        }

        var both = Days(Off).Select(d => d.Date).Intersect(Days(MakeupWorkdays).Select(d => d.Date));
        errors.AddRange(both.Select(d => $"{d:yyyy-MM-dd} is listed both as off and as a make-up workday"));
        return errors;
    }

    private static IEnumerable<HolidayDate> Days(IReadOnlyList<HolidayDate> given) => given.Where(d => d is not null);
}
