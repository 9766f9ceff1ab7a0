using System.Globalization;
using CaseGrains.Abstractions.Calendar;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Grains.Calendar;

namespace CaseGrains.Api.Calendar;

/// <summary>The working-day calendar: loaded years, deadline computation, loading a new year's arrangement and following
/// the recomputation of the deadlines it moves.</summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar").RequirePrincipal();
        calendar.MapGet("/years", async (IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key).GetArrangements()));
        calendar.MapPut("/years/{year}", LoadYearAsync).Accepts<HolidayYearInput>("application/json").RequireAdministrator();
        calendar.MapGet("/years/{year}/recomputation", GetRecomputationAsync).RequireAdministrator()
            .WithSummary("The recomputation of running deadlines that loading the year started: progress, and the cases that changed");
        calendar.MapGet("/deadline", ComputeAsync).WithSummary("Compute a deadline: ?from=yyyy-MM-dd&days=N&unit=workingDays|naturalDays");
        return api;
    }

    private static async Task<IResult> LoadYearAsync(string year, HttpContext http, IGrainFactory grains, ICalendarSource calendars)
    {
        var request = http.Request;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Problems.Invalid("year", "expected a four-digit year");
        }

        var (input, _, bodyError) = await JsonBody.ReadAsync<HolidayYearInput>(request, ApiJson.Input);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var arrangement = new HolidayYear(number, input!.Off, input.MakeupWorkdays);
        var errors = await grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key).LoadYear(arrangement, http.GetPrincipal());
        if (errors.Count > 0)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["$"] = [.. errors] });
        }

        calendars.Invalidate();
        var recomputation = await grains.GetGrain<IDeadlineRecomputationGrain>(number).GetReport();
        return Results.Ok(new HolidayYearLoaded(
            arrangement.Year,
            arrangement.Off,
            arrangement.MakeupWorkdays,
            recomputation is null ? null : RecomputationView.Of(recomputation),
            RecomputationPath(number)));
    }

    private static async Task<IResult> GetRecomputationAsync(string year, IGrainFactory grains)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Problems.Invalid("year", "expected a four-digit year");
        }

        var report = await grains.GetGrain<IDeadlineRecomputationGrain>(number).GetReport();
        return report is null
            ? Results.Problem(Problems.Create(StatusCodes.Status404NotFound, "recomputation_not_found", "该年度没有期限重算记录",
                $"No deadline recomputation was started for {number}: the year was never loaded at run time."))
            : Results.Ok(RecomputationView.Of(report));
    }

    private static string RecomputationPath(int year) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/calendar/years/{year}/recomputation");

    private static async Task<IResult> ComputeAsync(HttpRequest request, ICalendarSource calendars)
    {
        var errors = new Dictionary<string, string[]>();
        var q = request.Query;
        if (!DateOnly.TryParseExact(q["from"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            errors["from"] = ["expected a date as yyyy-MM-dd"];
        }

        if (!int.TryParse(q["days"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 0 or > 3650)
        {
            errors["days"] = ["expected a whole number from 0 to 3650"];
        }

        DeadlineUnit? unit = q["unit"].ToString() switch
        {
            "workingDays" => DeadlineUnit.WorkingDays,
            "naturalDays" => DeadlineUnit.NaturalDays,
            _ => null,
        };
        if (unit is null)
        {
            errors["unit"] = ["expected workingDays or naturalDays"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var calendar = await calendars.GetAsync();
        CalendarDate due;
        try
        {
            due = unit == DeadlineUnit.WorkingDays ? calendar.AddWorkingDays(from, days) : calendar.AddNaturalDays(from, days);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Both inputs are valid alone; together they run past the last representable date. Bad input, not a fault.
            return Problems.Invalid("days", $"the deadline would fall after {DateOnly.MaxValue:yyyy-MM-dd}");
        }

        return Results.Ok(new { from, days, unit, dueOn = due.Date, due.Provisional });
    }
}
