using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Hosting.Webhooks;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>
/// The administrators' webhook API through HTTP on PostgreSQL: subscribing (the secret shown once, the webhook sent what
/// is written from then on), listing without secrets, removing, replacing the secret, reading deliveries and retrying a
/// failed one; who may; what is refused. The gateway's own dispatcher is off: the tests run one on a fake clock over the
/// gateway's store and notification feed.
/// </summary>
public sealed class WebhookApiTests(WebhookApiTests.Gateway fixture) : IClassFixture<WebhookApiTests.Gateway>, IAsyncLifetime
{
    /// <summary>A gateway on PostgreSQL whose dispatcher does not run in the background, with one case to write the
    /// Dadong body's notifications to.</summary>
    public sealed class Gateway : IAsyncLifetime
    {
        public PostgresGateway Postgres { get; } = new(new Dictionary<string, string?> { ["Webhooks:Enabled"] = "false" });

        public Notices Notices { get; private set; } = null!;

        public string CaseId { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Postgres.InitializeAsync();
            Notices = new Notices(Postgres.Factory, Postgres.As(Actors.TrafficPointClerk));
            CaseId = await Notices.CaseAsync("推送乙");
        }

        public Task DisposeAsync() => Postgres.DisposeAsync();
    }

    private const string Organisation = Actors.DadongBody;
    private const string Webhooks = "/api/v1/organisations/" + Organisation + "/webhooks";

    private readonly PostgresGateway gateway = fixture.Postgres;
    private readonly CaseClient admin = fixture.Postgres.As(Actors.Administrator);
    private readonly Dispatchers dispatchers = new();
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await dispatchers.DisposeAsync();
        await receiver.DisposeAsync();
    }

    /// <summary>Subscribes a fresh address of the receiver (every test its own, so tests sharing the gateway do not collide).</summary>
    private async Task<ApiResponse> SubscribeAsync(string? url = null)
    {
        var created = await admin.SendAsync(HttpMethod.Post, Webhooks, CaseClient.Json(new { url = url ?? receiver.UrlFor("/hooks/" + Guid.NewGuid().ToString("N")) }));
        Assert.True(created.StatusCode == 201, $"subscribing failed: {created}");
        return created;
    }

    private async Task<JsonElement> ListedAsync(string id) =>
        (await admin.GetPathAsync(Webhooks)).Body.EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);

    private static string Id(ApiResponse response) => response.Body.GetProperty("id").GetString()!;

    private static string Secret(ApiResponse response) => response.Body.GetProperty("secret").GetString()!;

    private INotificationFeed Feed => gateway.Factory.Services.GetRequiredService<INotificationFeed>();

    /// <summary>
    /// Commits a notification to the organisation, as the case grain would, and waits until the feed hands it out: on
    /// PostgreSQL a transaction anywhere on the server (other test classes write to it) holds it back for a moment, and a
    /// dispatcher's round on a fake clock must find it.
    /// </summary>
    private async Task<StoredNotification> NotifyAsync(string title)
    {
        await fixture.Notices.AppendAsync(fixture.CaseId, Notices.ToOrganisation(Organisation, title));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await Feed.ReadAfterAsync(NotificationPosition.Start, 10_000)).FirstOrDefault(n => n.Title == title) is { } written)
            {
                return written;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the feed did not hand out '{title}'");
            await Task.Delay(50);
        }
    }

    /// <summary>The receiver's requests to the webhook <paramref name="created"/> (earlier tests' webhooks of the
    /// organisation are sent the same notifications).</summary>
    private List<ReceivedWebhook> ReceivedBy(ApiResponse created) =>
        [.. receiver.Received.Where(r => r.Path == new Uri(created.Body.GetProperty("url").GetString()!).AbsolutePath)];

    [Fact]
    public async Task An_administrator_subscribes_an_address_and_sees_its_secret_once_and_never_in_the_list()
    {
        var url = receiver.UrlFor("/hooks/dadong");
        var created = await admin.SendAsync(HttpMethod.Post, Webhooks, CaseClient.Json(new { url }));

        Assert.Equal(201, created.StatusCode);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        Assert.Equal(Organisation, created.Body.GetProperty("organisationId").GetString());
        Assert.Equal(url, created.Body.GetProperty("url").GetString());
        Assert.Equal(Actors.AdminUser, created.Body.GetProperty("createdBy").GetString());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", Secret(created));

        var list = await admin.GetPathAsync(Webhooks);
        Assert.Equal(200, list.StatusCode);
        var listed = await ListedAsync(Id(created));
        Assert.Equal(url, listed.GetProperty("url").GetString());
        Assert.Equal((0L, 0L), (listed.GetProperty("pendingDeliveries").GetInt64(), listed.GetProperty("failedDeliveries").GetInt64()));
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.DoesNotContain(Secret(created), list.RawBody, StringComparison.Ordinal);

        // Another organisation's list does not show it.
        Assert.DoesNotContain(
            (await admin.GetPathAsync("/api/v1/organisations/" + Actors.HepingBody + "/webhooks")).Body.EnumerateArray(),
            w => w.GetProperty("id").GetString() == Id(created));
    }

    [Fact]
    public async Task A_new_webhook_is_sent_what_is_written_after_it_subscribed_and_nothing_written_before()
    {
        var before = await NotifyAsync("订阅前-" + Guid.NewGuid().ToString("N")[..8]);
        var created = await SubscribeAsync();
        var after = await NotifyAsync("订阅后-" + Guid.NewGuid().ToString("N")[..8]);
        var dispatcher = dispatchers.Create(gateway.Factory.Services.GetRequiredService<IWebhookStore>(), Feed, new FakeTimeProvider(DateTimeOffset.UtcNow));

        await dispatcher.RunOnceAsync();

        Assert.True(before.Position < after.Position);
        var delivered = Assert.Single((await admin.GetPathAsync($"{Webhooks}/{Id(created)}/deliveries")).Body.GetProperty("items").EnumerateArray());
        Assert.Equal(after.Id, delivered.GetProperty("notificationId").GetInt64());
        using var body = JsonDocument.Parse(Assert.Single(ReceivedBy(created)).Body);
        Assert.Equal(after.Title, body.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Replacing_the_secret_shows_the_new_one_once()
    {
        var created = await SubscribeAsync();

        var rotated = await admin.SendAsync(HttpMethod.Post, $"{Webhooks}/{Id(created)}/rotate-secret");

        Assert.Equal(200, rotated.StatusCode);
        Assert.Equal("no-store", rotated.Headers.CacheControl?.ToString());
        Assert.Equal(Id(created), Id(rotated));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", Secret(rotated));
        Assert.NotEqual(Secret(created), Secret(rotated));
        var list = await admin.GetPathAsync(Webhooks);
        Assert.DoesNotContain(Secret(rotated), list.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_address_twice_for_one_organisation_is_a_409()
    {
        var url = receiver.UrlFor("/hooks/twice");
        await SubscribeAsync(url);

        (await admin.SendAsync(HttpMethod.Post, Webhooks, CaseClient.Json(new { url }))).AssertProblem(409, "webhook_exists");
    }

    [Fact]
    public async Task A_removed_webhook_leaves_the_list_and_is_a_404_from_then_on()
    {
        var created = await SubscribeAsync();
        var path = $"{Webhooks}/{Id(created)}";

        Assert.Equal(204, (await admin.SendAsync(HttpMethod.Delete, path)).StatusCode);

        Assert.DoesNotContain((await admin.GetPathAsync(Webhooks)).Body.EnumerateArray(), w => w.GetProperty("id").GetString() == Id(created));
        (await admin.SendAsync(HttpMethod.Delete, path)).AssertProblem(404, "not_found");
        (await admin.SendAsync(HttpMethod.Post, path + "/rotate-secret")).AssertProblem(404, "not_found");
        (await admin.GetPathAsync(path + "/deliveries")).AssertProblem(404, "not_found");
        (await admin.SendAsync(HttpMethod.Post, $"{path}/deliveries/{Guid.NewGuid()}/retry")).AssertProblem(404, "not_found");
    }

    [Fact]
    public async Task An_unknown_organisation_webhook_or_delivery_is_a_404()
    {
        var created = await SubscribeAsync();
        const string Nowhere = "/api/v1/organisations/B-NOWHERE/webhooks";

        (await admin.SendAsync(HttpMethod.Post, Nowhere, CaseClient.Json(new { url = "https://receiver.example.org/x" }))).AssertProblem(404, "not_found");
        (await admin.GetPathAsync(Nowhere)).AssertProblem(404, "not_found");
        (await admin.SendAsync(HttpMethod.Delete, $"{Nowhere}/{Id(created)}")).AssertProblem(404, "not_found");
        (await admin.GetPathAsync($"{Nowhere}/{Id(created)}/deliveries")).AssertProblem(404, "not_found");

        // Another organisation's webhook, an id that is no webhook's, one that is not an id at all.
        var heping = "/api/v1/organisations/" + Actors.HepingBody + "/webhooks/";
        (await admin.SendAsync(HttpMethod.Delete, heping + Id(created))).AssertProblem(404, "not_found");
        (await admin.SendAsync(HttpMethod.Post, $"{Webhooks}/{Guid.NewGuid()}/rotate-secret")).AssertProblem(404, "not_found");
        (await admin.GetPathAsync($"{Webhooks}/not-an-id/deliveries")).AssertProblem(404, "not_found");
        (await admin.SendAsync(HttpMethod.Post, $"{Webhooks}/{Id(created)}/deliveries/not-an-id/retry")).AssertProblem(404, "not_found");
        (await admin.SendAsync(HttpMethod.Post, $"{Webhooks}/{Id(created)}/deliveries/{Guid.NewGuid()}/retry")).AssertProblem(404, "not_found");

        Assert.Equal(200, (await admin.GetPathAsync($"{Webhooks}/{Id(created)}/deliveries")).StatusCode);
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"url": ""}""", "url" },
        { """{"url": "receiver.example.org/hook"}""", "url" },
        { """{"url": "/hooks/relative"}""", "url" },
        { """{"url": "ftp://receiver.example.org/hook"}""", "url" },
        { """{"url": "https://user:password@receiver.example.org/hook"}""", "url" },
        { """{"url": "https://receiver.example.org/hook#part"}""", "url" },
        { """{"url": "https://receiver.example.org/a hook"}""", "url" },
        { """{"url": "https://receiver.example.org/""" + new string('a', 2000) + "\"}", "url" },
        { """{}""", "$.url" },
        { """{"url": 42}""", "$.url" },
        { """{"url": "https://receiver.example.org/hook", "secret": "mine"}""", "$.secret" },
        { """{"url": "https://receiver.example.org/\u0007"}""", "$.url" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_address_or_body_is_a_400_naming_the_field_and_subscribes_nothing(string body, string field)
    {
        var before = (await admin.GetPathAsync(Webhooks)).Body.GetArrayLength();

        (await admin.SendAsync(HttpMethod.Post, Webhooks, body)).AssertInvalid(field);

        Assert.Equal(before, (await admin.GetPathAsync(Webhooks)).Body.GetArrayLength());
    }

    public static TheoryData<string, string> InvalidDeliveryQueries => new()
    {
        { "status=lost", "status" },
        { "status=Failed", "status" },
        { "status=failed&status=pending", "status" },
        { "page=0", "page" },
        { "pageSize=201", "pageSize" },
        { "pageSize=-1&page=x", "pageSize" },
    };

    [Theory]
    [MemberData(nameof(InvalidDeliveryQueries))]
    public async Task A_malformed_delivery_query_is_a_400_naming_the_parameter(string query, string field)
    {
        var created = await SubscribeAsync();

        var answer = await admin.GetPathAsync($"{Webhooks}/{Id(created)}/deliveries?{query}");

        answer.AssertProblem(400, "invalid_input");
        Assert.Contains(field, answer.ErrorFields);
    }

    public static TheoryData<string> NonAdministrators => new()
    {
        Actors.DadongOfficer.ToString(),
        Actors.DadongHead.ToString(),
        Actors.ProvinceSupervisor.ToString(),
        Actors.TrafficPointClerk.ToString(),
        Actors.AgencyStaff(Actors.DadongTrafficBrigade).ToString(),
    };

    private static Who WhoIs(string described) => new[]
    {
        Actors.DadongOfficer, Actors.DadongHead, Actors.ProvinceSupervisor, Actors.TrafficPointClerk, Actors.AgencyStaff(Actors.DadongTrafficBrigade),
    }.Single(w => w.ToString() == described);

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task Only_an_administrator_may_see_or_change_webhooks_even_of_their_own_organisation(string described)
    {
        var created = await SubscribeAsync();
        var who = gateway.As(WhoIs(described));
        var path = $"{Webhooks}/{Id(created)}";
        var ownOrganisation = $"/api/v1/organisations/{who.OrganisationId}/webhooks";

        var answers = new[]
        {
            await who.SendAsync(HttpMethod.Post, Webhooks, CaseClient.Json(new { url = "https://receiver.example.org/mine" })),
            await who.SendAsync(HttpMethod.Post, ownOrganisation, CaseClient.Json(new { url = "https://receiver.example.org/mine" })),
            await who.GetPathAsync(Webhooks),
            await who.GetPathAsync(ownOrganisation),
            await who.SendAsync(HttpMethod.Delete, path),
            await who.SendAsync(HttpMethod.Post, path + "/rotate-secret"),
            await who.GetPathAsync(path + "/deliveries"),
            await who.SendAsync(HttpMethod.Post, $"{path}/deliveries/{Guid.NewGuid()}/retry"),
        };

        Assert.All(answers, a => a.AssertProblem(403, "administrator_required"));
        Assert.All(answers, a => Assert.DoesNotContain(Secret(created), a.RawBody, StringComparison.Ordinal));
        Assert.Equal(200, (await admin.GetPathAsync(path + "/deliveries")).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_every_webhook_endpoint_is_a_401()
    {
        var path = $"{Webhooks}/{Guid.NewGuid()}";

        (await admin.SendAsync(HttpMethod.Get, Webhooks, authenticated: false)).AssertProblem(401);
        (await admin.SendAsync(HttpMethod.Post, Webhooks, """{"url": "https://receiver.example.org/x"}""", authenticated: false)).AssertProblem(401);
        (await admin.SendAsync(HttpMethod.Delete, path, authenticated: false)).AssertProblem(401);
        (await admin.SendAsync(HttpMethod.Post, path + "/rotate-secret", authenticated: false)).AssertProblem(401);
        (await admin.SendAsync(HttpMethod.Get, path + "/deliveries", authenticated: false)).AssertProblem(401);
    }

    [Fact]
    public async Task A_delivery_that_always_fails_is_shown_failed_with_its_last_answer_and_an_administrator_sends_it_again()
    {
        receiver.Answer = _ => 500;
        var created = await SubscribeAsync();
        var deliveries = $"{Webhooks}/{Id(created)}/deliveries";
        var store = gateway.Factory.Services.GetRequiredService<IWebhookStore>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        var dispatcher = dispatchers.Create(store, Feed, clock, o => o.MaxAttempts = 3);
        var notification = await NotifyAsync("推送失败-" + Guid.NewGuid().ToString("N")[..8]);

        // Other subscriptions of the gateway's database may have deliveries too; this test counts only its own.
        await dispatcher.RunOnceAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        await dispatcher.RunOnceAsync();
        clock.Advance(TimeSpan.FromSeconds(20));
        await dispatcher.RunOnceAsync();

        var listed = await ListedAsync(Id(created));
        Assert.Equal((0L, 1L), (listed.GetProperty("pendingDeliveries").GetInt64(), listed.GetProperty("failedDeliveries").GetInt64()));
        var failedPage = await admin.GetPathAsync(deliveries + "?status=failed");
        Assert.Equal(1, failedPage.Body.GetProperty("total").GetInt64());
        var failed = Assert.Single(failedPage.Body.GetProperty("items").EnumerateArray());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(notification.Id, failed.GetProperty("notificationId").GetInt64());
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        Assert.Equal(500, failed.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal("the receiver answered HTTP 500", failed.GetProperty("lastError").GetString());
        Assert.False(failed.TryGetProperty("nextAttemptAt", out _));
        Assert.False(failed.TryGetProperty("body", out _));
        Assert.Equal(0, (await admin.GetPathAsync(deliveries + "?status=pending")).Body.GetProperty("total").GetInt64());
        var deliveryId = failed.GetProperty("id").GetString();

        Assert.Equal(204, (await admin.SendAsync(HttpMethod.Post, $"{deliveries}/{deliveryId}/retry")).StatusCode);
        (await admin.SendAsync(HttpMethod.Post, $"{deliveries}/{deliveryId}/retry")).AssertProblem(409, "delivery_not_failed");
        var pending = Assert.Single((await admin.GetPathAsync(deliveries + "?status=pending")).Body.GetProperty("items").EnumerateArray());
        Assert.Equal(0, pending.GetProperty("attempts").GetInt32());
        Assert.True(pending.TryGetProperty("nextAttemptAt", out _));

        receiver.Answer = _ => 200;
        await dispatcher.RunOnceAsync();

        var delivered = Assert.Single((await admin.GetPathAsync(deliveries + "?status=delivered")).Body.GetProperty("items").EnumerateArray());
        Assert.Equal((1, 200), (delivered.GetProperty("attempts").GetInt32(), delivered.GetProperty("lastStatusCode").GetInt32()));
        var requests = ReceivedBy(created);
        Assert.Equal(4, requests.Count);
        Assert.Single(requests.Select(r => r.Header(WebhookHeaders.Id)).Distinct());
        listed = await ListedAsync(Id(created));
        Assert.Equal((0L, 0L), (listed.GetProperty("pendingDeliveries").GetInt64(), listed.GetProperty("failedDeliveries").GetInt64()));
    }
}
