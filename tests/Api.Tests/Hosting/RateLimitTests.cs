using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests.Hosting;

/// <summary>
/// <c>POST /cases</c> is rate-limited: applicants filing online are counted per client address, staff per user
/// account with their own, far higher limit. With <c>RateLimiting:ApplicantIntakePerMinute</c> = 3, the fourth
/// online application from one address within the minute is a 429 that says when to retry and opens no case.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.Gateway fixture) : IClassFixture<RateLimitTests.Gateway>
{
    /// <summary>An embedded gateway that lets an address file three online applications a minute.</summary>
    public sealed class Gateway : IAsyncLifetime
    {
        public EmbeddedGateway Embedded { get; } = new(new Dictionary<string, string?> { ["RateLimiting:ApplicantIntakePerMinute"] = "3" });

        public Task InitializeAsync() => Embedded.InitializeAsync();

        public Task DisposeAsync() => Embedded.DisposeAsync();
    }

    private readonly EmbeddedGateway gateway = fixture.Embedded;

    [Fact]
    public async Task The_fourth_online_application_from_one_address_is_a_429_with_Retry_After_and_staff_are_not_held_by_that_limit()
    {
        var applicant = gateway.As(Actors.Applicant("u-flood")).From("203.0.113.7");
        var administrator = gateway.As(Actors.Administrator);

        var allowed = new List<ApiResponse>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add(await applicant.ReceiveAsync(Applications.Online(Actors.DadongTrafficBrigade, "限流" + i)));
        }

        var refused = await applicant.ReceiveAsync(Applications.Online(Actors.DadongTrafficBrigade, "限流超额"));

        Assert.All(allowed, a => Assert.Equal(201, a.StatusCode));
        refused.AssertProblem(429, "too_many_requests");
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(0, (await administrator.ListAsync("q=" + Uri.EscapeDataString("限流超额"))).Body.GetProperty("total").GetInt64());

        // Another applicant account from the same address shares its count; the same account elsewhere does not.
        (await gateway.As(Actors.Applicant("u-flood-2")).From("203.0.113.7").ReceiveAsync(Applications.Online(Actors.DadongTrafficBrigade, "同址")))
            .AssertProblem(429, "too_many_requests");
        Assert.Equal(201, (await applicant.From("198.51.100.20").ReceiveAsync(Applications.Online(Actors.DadongTrafficBrigade, "异址"))).StatusCode);

        // Staff, even from that address, are counted on their own (far higher) limit: five receipts in a row go through.
        var clerk = gateway.As(Actors.TrafficPointClerk).From("203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(201, (await clerk.ReceiveAsync(Applications.TrafficFine("窗口收件" + i))).StatusCode);
        }

        // Reading is not limited at all.
        Assert.Equal(200, (await applicant.ListAsync()).StatusCode);
    }
}
