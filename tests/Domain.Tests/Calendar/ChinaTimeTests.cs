using CaseGrains.Domain.Time;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Calendar;

/// <summary>Statutory dates are Beijing-time (UTC+8) dates, whatever the server's time zone.</summary>
public class ChinaTimeTests
{
    [Theory]
    [InlineData("2025-09-30T16:30:00+00:00", "2025-10-01")] // 00:30 on 1 Oct in Shanghai: already the next day
    [InlineData("2025-09-30T15:59:59+00:00", "2025-09-30")] // 23:59:59 in Shanghai: still the same day
    [InlineData("2025-09-30T16:00:00+00:00", "2025-10-01")] // midnight in Shanghai
    [InlineData("2025-09-30T12:30:00-04:00", "2025-10-01")] // the same instant as 16:30 UTC, written in another zone
    [InlineData("2025-10-01T00:30:00+08:00", "2025-10-01")] // already Beijing time
    [InlineData("2025-12-31T16:30:00+00:00", "2026-01-01")] // crosses the year in Shanghai
    public void The_date_of_an_instant_is_its_date_in_Shanghai(string instant, string expected)
    {
        var parsed = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(D(expected), ChinaTime.DateOf(parsed));
    }

    [Fact]
    public void Today_and_now_follow_the_clock_in_Beijing_time()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 9, 30, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(D("2025-10-01"), ChinaTime.Today(clock));
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Now(clock).Offset);
        Assert.Equal(new DateTime(2025, 10, 1, 0, 30, 0, DateTimeKind.Unspecified), ChinaTime.Now(clock).DateTime);
    }

    private sealed class FixedClock(DateTimeOffset utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;
    }
}
