using CaseGrains.Domain.Access;
using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests;

/// <summary>
/// The working-day calendar through HTTP: deadlines across the shipped 2025 Spring Festival, bad parameters, and an
/// administrator loading a year's arrangement that changes computations at once and survives a restart.
/// </summary>
public sealed class CalendarTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    private readonly CaseClient admin = gateway.Cases("admin-sun", "S-R210000", Role.Administrator);

    /// <summary>
    /// Friday 2025-01-24 plus five working days (reference/cn-holidays.json): Sat 25 rest; Sun 26 make-up workday (1);
    /// Mon 27 (2); 28 January to 4 February Spring Festival off; Wed 5 (3), Thu 6 (4), Fri 7 February (5).
    /// </summary>
    [Fact]
    public async Task Five_working_days_from_24_January_2025_end_on_7_February_across_the_Spring_Festival()
    {
        var due = await DeadlineAsync("from=2025-01-24&days=5&unit=workingDays");

        Assert.Equal("2025-02-07", due.Body.GetProperty("dueOn").GetString());
        Assert.False(due.Body.GetProperty("provisional").GetBoolean());
        Assert.Equal("2025-01-24", due.Body.GetProperty("from").GetString());
        Assert.Equal(5, due.Body.GetProperty("days").GetInt32());
    }

    /// <summary>A natural-day period ending on a rest day ends on the next working day: 2025-01-24 + 7 = Fri 31
    /// January, a Spring Festival day off, so Wednesday 5 February.</summary>
    [Fact]
    public async Task A_natural_day_period_ending_in_the_holiday_moves_to_the_next_working_day()
    {
        var due = await DeadlineAsync("from=2025-01-24&days=7&unit=naturalDays");

        Assert.Equal("2025-02-05", due.Body.GetProperty("dueOn").GetString());
    }

    [Theory]
    [InlineData("", new[] { "from", "days", "unit" })]
    [InlineData("from=2025-13-01&days=5&unit=workingDays", new[] { "from" })]
    [InlineData("from=2025-02-29&days=5&unit=workingDays", new[] { "from" })]
    [InlineData("from=24/01/2025&days=5&unit=workingDays", new[] { "from" })]
    [InlineData("from=2025-01-24&days=-1&unit=workingDays", new[] { "days" })]
    [InlineData("from=2025-01-24&days=five&unit=workingDays", new[] { "days" })]
    [InlineData("from=2025-01-24&days=3651&unit=workingDays", new[] { "days" })]
    [InlineData("from=2025-01-24&days=5&unit=weeks", new[] { "unit" })]
    [InlineData("from=2025-01-24&days=5&unit=WorkingDays", new[] { "unit" })]
    [InlineData("from=9999-12-30&days=10&unit=naturalDays", new[] { "days" })]
    [InlineData("from=9999-12-20&days=3650&unit=workingDays", new[] { "days" })]
    public async Task Bad_deadline_parameters_are_a_400_naming_each_parameter(string query, string[] parameters)
    {
        (await admin.GetPathAsync("/api/v1/calendar/deadline?" + query)).AssertInvalid(parameters);
    }

    [Fact]
    public async Task A_loaded_2027_arrangement_changes_2027_deadlines_at_once_and_survives_a_restart()
    {
        // Unloaded, 2027 counts weekends only: Mon 1 February + 10 working days = Mon 15 February, provisional.
        var before = await DeadlineAsync("from=2027-02-01&days=10&unit=workingDays");
        Assert.Equal("2027-02-15", before.Body.GetProperty("dueOn").GetString());
        Assert.True(before.Body.GetProperty("provisional").GetBoolean());

        // A made-up arrangement: 2 and 3 February off, Saturday 6 February worked.
        var loaded = await admin.PutAsync("/api/v1/calendar/years/2027", new
        {
            off = new[] { new { date = "2027-02-02", name = "测试节" }, new { date = "2027-02-03", name = "测试节" } },
            makeupWorkdays = new[] { new { date = "2027-02-06", name = "测试节" } },
        });
        Assert.Equal(200, loaded.StatusCode);
        Assert.Equal(2027, loaded.Body.GetProperty("year").GetInt32());

        // Thu 4 (1), Fri 5 (2), Sat 6 (3), Mon 8 - Fri 12 (4-8), Mon 15 (9), Tue 16 February (10): no longer provisional.
        var after = await DeadlineAsync("from=2027-02-01&days=10&unit=workingDays");
        Assert.Equal("2027-02-16", after.Body.GetProperty("dueOn").GetString());
        Assert.False(after.Body.GetProperty("provisional").GetBoolean());
        Assert.Contains(2027, await LoadedYearsAsync());

        await gateway.RestartAsync();

        var restarted = await DeadlineAsync("from=2027-02-01&days=10&unit=workingDays");
        Assert.Equal("2027-02-16", restarted.Body.GetProperty("dueOn").GetString());
        Assert.False(restarted.Body.GetProperty("provisional").GetBoolean());
        Assert.Contains(2027, await LoadedYearsAsync());
    }

    [Fact]
    public async Task The_shipped_years_are_listed()
    {
        var years = await LoadedYearsAsync();

        Assert.Contains(2025, years);
        Assert.Contains(2026, years);
    }

    [Fact]
    public async Task An_invalid_arrangement_is_a_400_listing_every_error_and_loads_nothing()
    {
        var refused = await admin.PutAsync("/api/v1/calendar/years/2028", new
        {
            off = new[] { new { date = "2027-10-01", name = "国庆节" }, new { date = "2028-10-02", name = "国庆节" }, new { date = "2028-10-02", name = "国庆节" } },
            makeupWorkdays = new[] { new { date = "2028-10-09", name = "国庆节" }, new { date = "2028-10-14", name = " " } },
        });

        refused.AssertInvalid("$");
        var errors = ApiResponse.Strings(refused.Body.GetProperty("errors").GetProperty("$"));
        Assert.Contains(errors, e => e.Contains("2027-10-01", StringComparison.Ordinal) && e.Contains("not in 2028", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("2028-10-02", StringComparison.Ordinal) && e.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("2028-10-09", StringComparison.Ordinal) && e.Contains("weekday", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("2028-10-14", StringComparison.Ordinal) && e.Contains("no holiday name", StringComparison.Ordinal));
        Assert.DoesNotContain(2028, await LoadedYearsAsync());
        Assert.True((await DeadlineAsync("from=2028-10-01&days=1&unit=workingDays")).Body.GetProperty("provisional").GetBoolean());
    }

    [Theory]
    [InlineData("2028", """{"off":[{"date":"2028-10-01"}],"makeupWorkdays":[]}""", "$.off[0].name")]
    [InlineData("2028", """{"off":[{"date":"2028-10-32","name":"国庆节"}],"makeupWorkdays":[]}""", "$.off[0].date")]
    [InlineData("2028", """{"off":[]}""", "$.makeupWorkdays")]
    [InlineData("2028", """{"off":null,"makeupWorkdays":[]}""", "$.off")]
    [InlineData("2028", """{"off":[],"makeupWorkdays":[],"source":"国办发明电"}""", "$.source")]
    [InlineData("twenty", """{"off":[],"makeupWorkdays":[]}""", "year")]
    [InlineData("1999", """{"off":[],"makeupWorkdays":[]}""", "$")]
    public async Task A_malformed_arrangement_or_year_is_a_400_naming_what_is_wrong(string year, string json, string field)
    {
        (await admin.SendAsync(HttpMethod.Put, "/api/v1/calendar/years/" + year, json)).AssertInvalid(field);
    }

    [Fact]
    public async Task Loading_a_year_needs_an_administrator()
    {
        const string year = """{"off":[],"makeupWorkdays":[]}""";
        (await admin.SendAsync(HttpMethod.Put, "/api/v1/calendar/years/2029", year, authenticated: false)).AssertProblem(401, "unauthenticated");
        (await admin.As("officer-wang", "B-R210104", Role.CaseOfficer).SendAsync(HttpMethod.Put, "/api/v1/calendar/years/2029", year))
            .AssertProblem(403, "administrator_required");
    }

    private async Task<ApiResponse> DeadlineAsync(string query)
    {
        var answer = await admin.GetPathAsync("/api/v1/calendar/deadline?" + query);
        Assert.True(answer.StatusCode == 200, $"{query}: {answer}");
        return answer;
    }

    private async Task<IReadOnlyList<int>> LoadedYearsAsync() =>
        [.. (await admin.GetPathAsync("/api/v1/calendar/years")).Body.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32())];
}
