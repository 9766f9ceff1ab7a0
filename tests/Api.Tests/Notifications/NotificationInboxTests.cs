using System.Text.Json;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Tests.Notifications;

/// <summary>
/// One Dadong case with five notifications, written once for the whole class, in this order: 1 to the Dadong body,
/// 2 to its case officers, 3 to its heads, 4 to officer Wang by name, 5 to the Heping body; and a second case with one
/// notification (6) to the Dadong body.
/// </summary>
public sealed class NotifiedCases : IAsyncLifetime
{
    public PostgresGateway Gateway { get; } = new();

    public string CaseId { get; private set; } = null!;

    public string OtherCaseId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Gateway.InitializeAsync();
        var notices = new Notices(Gateway.Factory, Gateway.As(Actors.TrafficPointClerk));
        CaseId = await notices.CaseAsync("通知甲");
        await notices.AppendAsync(
            CaseId,
            Notices.ToOrganisation(Actors.DadongBody, "1"),
            Notices.ToOrganisation(Actors.DadongBody, "2", "caseOfficer"),
            Notices.ToOrganisation(Actors.DadongBody, "3", "bodyHead"));
        await notices.AppendAsync(CaseId, Notices.ToUser(Actors.OfficerUser, "4"), Notices.ToOrganisation(Actors.HepingBody, "5"));
        OtherCaseId = await notices.CaseAsync("通知乙");
        await notices.AppendAsync(OtherCaseId, Notices.ToOrganisation(Actors.DadongBody, "6"));
    }

    public Task DisposeAsync() => Gateway.DisposeAsync();
}

/// <summary>The inbox over HTTP on PostgreSQL: each user sees only their own, reads its pages and marks what they read.
/// Tests that mark notifications read do so as users of their own, so the others' read state stays as written.</summary>
public sealed class NotificationInboxTests(NotifiedCases world) : IClassFixture<NotifiedCases>
{
    private static readonly string[] OfficerSees = ["6", "4", "2", "1"];

    private CaseClient As(Who who) => world.Gateway.As(who);

    private static Who DadongOfficerNamed(string userId) => new(userId, Actors.DadongBody, Role.CaseOfficer);

    private async Task<List<JsonElement>> ItemsAsync(Who who, string query = "")
    {
        var page = await As(who).GetPathAsync("/api/v1/notifications" + (query.Length > 0 ? "?" + query : string.Empty));
        Assert.True(page.StatusCode == 200, page.ToString());
        return [.. page.Body.GetProperty("items").EnumerateArray()];
    }

    private async Task<List<string>> TitlesAsync(Who who, string query = "") =>
        [.. (await ItemsAsync(who, query)).Select(i => i.GetProperty("title").GetString()!)];

    private async Task<long> UnreadAsync(Who who)
    {
        var count = await As(who).GetPathAsync("/api/v1/notifications/unread-count");
        Assert.True(count.StatusCode == 200, count.ToString());
        return count.Body.GetProperty("unread").GetInt64();
    }

    private async Task<long> IdOfAsync(string title) =>
        (await ItemsAsync(Actors.DadongOfficer)).Concat(await ItemsAsync(Actors.DadongHead)).Concat(await ItemsAsync(Actors.Officer(Actors.HepingBody)))
            .First(i => i.GetProperty("title").GetString() == title).GetProperty("id").GetInt64();

    private Task<ApiResponse> MarkReadAsync(Who who, string id) => As(who).SendAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/read");

    [Fact]
    public async Task A_case_officer_sees_the_body_the_officers_and_their_own_notifications_newest_first()
    {
        var items = await ItemsAsync(Actors.DadongOfficer);

        Assert.Equal(OfficerSees, items.Select(i => i.GetProperty("title").GetString()));
        var mine = items[1];
        Assert.Equal(world.CaseId, mine.GetProperty("caseId").GetString());
        Assert.Equal("reminderFired", mine.GetProperty("kind").GetString());
        Assert.Equal(Actors.OfficerUser, mine.GetProperty("recipientUserId").GetString());
        Assert.Equal("4：复议期限即将届满。", mine.GetProperty("text").GetString());
        Assert.Equal("advanceWarning", mine.GetProperty("payload").GetProperty("step").GetString());
        Assert.False(mine.GetProperty("read").GetBoolean());
        Assert.False(mine.TryGetProperty("readAt", out _));
        Assert.True(DateTimeOffset.UtcNow - mine.GetProperty("createdAt").GetDateTimeOffset() < TimeSpan.FromMinutes(10));
        Assert.Equal("caseOfficer", items[2].GetProperty("recipientRole").GetString());
        Assert.Equal(Actors.DadongBody, items[2].GetProperty("recipientOrganisationId").GetString());
    }

    [Theory]
    [InlineData("head", "6 3 1")]
    [InlineData("other officer of the body", "6 2 1")]
    [InlineData("Heping officer", "5")]
    [InlineData("Yingkou officer", "")]
    [InlineData("clerk of Dadong's collection point", "")]
    [InlineData("respondent agency", "")]
    [InlineData("province supervisor", "")]
    [InlineData("administrator", "")]
    public async Task Each_user_sees_only_what_is_addressed_to_them_their_body_or_their_role_there(string who, string titles)
    {
        var user = who switch
        {
            "head" => Actors.DadongHead,
            "other officer of the body" => DadongOfficerNamed("officer-zhou"),
            "Heping officer" => Actors.Officer(Actors.HepingBody),
            "Yingkou officer" => Actors.Officer("B-R210800"),
            "clerk of Dadong's collection point" => Actors.TrafficPointClerk,
            "respondent agency" => Actors.AgencyStaff(Actors.DadongTrafficBrigade),
            "province supervisor" => Actors.ProvinceSupervisor,
            _ => Actors.Administrator,
        };
        var expected = titles.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, await TitlesAsync(user));
        Assert.Equal(expected.Length, await UnreadAsync(user));
    }

    [Fact]
    public async Task An_inbox_is_paged_by_its_cursor_and_filtered_by_case_and_read_state()
    {
        var first = await As(Actors.DadongOfficer).GetPathAsync("/api/v1/notifications?pageSize=3");
        var next = first.Body.GetProperty("nextBefore").GetInt64();
        var second = await As(Actors.DadongOfficer).GetPathAsync($"/api/v1/notifications?pageSize=3&before={next}");

        Assert.Equal(["6", "4", "2"], first.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(["1"], second.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.False(second.Body.TryGetProperty("nextBefore", out _));
        Assert.Equal(["4", "2", "1"], await TitlesAsync(Actors.DadongOfficer, "caseId=" + world.CaseId));
        Assert.Equal(["6"], await TitlesAsync(Actors.DadongOfficer, "caseId=" + world.OtherCaseId));
        Assert.Empty(await TitlesAsync(Actors.DadongOfficer, "caseId=RC-0000000000000000"));
        Assert.Equal(OfficerSees, await TitlesAsync(Actors.DadongOfficer, "unread=true"));
        Assert.Equal(OfficerSees, await TitlesAsync(Actors.DadongOfficer, "unread=false"));
    }

    [Theory]
    [InlineData("unread=yes", "unread")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("before=0", "before")]
    [InlineData("before=-5", "before")]
    [InlineData("before=abc", "before")]
    [InlineData("before=99999999999999999999", "before")]
    [InlineData("caseId=%01", "caseId")]
    [InlineData("unread=true&unread=false", "unread")]
    [InlineData("pageSize=x&before=y", "pageSize", "before")]
    public async Task A_malformed_parameter_is_refused_naming_it(string query, params string[] fields)
    {
        (await As(Actors.DadongOfficer).GetPathAsync("/api/v1/notifications?" + query)).AssertInvalid(fields);
    }

    [Fact]
    public async Task Marking_one_read_is_idempotent_counts_for_that_user_only_and_shows_in_the_inbox()
    {
        var reader = DadongOfficerNamed("officer-reader");
        var onlyOfficers = await IdOfAsync("2");
        Assert.Equal(3L, await UnreadAsync(reader));

        var marked = await MarkReadAsync(reader, onlyOfficers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var again = await MarkReadAsync(reader, onlyOfficers.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(204, marked.StatusCode);
        Assert.Equal(204, again.StatusCode);
        Assert.Equal(2L, await UnreadAsync(reader));
        var item = (await ItemsAsync(reader)).Single(i => i.GetProperty("title").GetString() == "2");
        Assert.True(item.GetProperty("read").GetBoolean());
        Assert.True(DateTimeOffset.UtcNow - item.GetProperty("readAt").GetDateTimeOffset() < TimeSpan.FromMinutes(10));
        Assert.Equal(["6", "1"], await TitlesAsync(reader, "unread=true"));
        Assert.Equal(OfficerSees.Length, await UnreadAsync(Actors.DadongOfficer));
    }

    [Theory]
    [InlineData("to officers only")]
    [InlineData("to another officer by name")]
    [InlineData("to another body")]
    [InlineData("no such id")]
    [InlineData("not a number")]
    [InlineData("negative")]
    public async Task A_head_cannot_mark_read_a_notification_outside_their_inbox_and_is_answered_404(string what)
    {
        var head = new Who("head-404", Actors.DadongBody, Role.BodyHead);
        var id = what switch
        {
            "to officers only" => (await IdOfAsync("2")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "to another officer by name" => (await IdOfAsync("4")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "to another body" => (await IdOfAsync("5")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "no such id" => "999999999",
            "not a number" => "abc",
            _ => "-1",
        };

        (await MarkReadAsync(head, id)).AssertProblem(404, "notification_not_found");

        Assert.Equal(3L, await UnreadAsync(head));
    }

    [Fact]
    public async Task Marking_all_read_marks_everything_the_user_sees_and_nothing_of_anyone_else()
    {
        var reader = DadongOfficerNamed("officer-tidy");

        var first = await As(reader).SendAsync(HttpMethod.Post, "/api/v1/notifications/read-all");
        var second = await As(reader).SendAsync(HttpMethod.Post, "/api/v1/notifications/read-all");

        Assert.Equal(3L, first.Body.GetProperty("marked").GetInt64());
        Assert.Equal(0L, second.Body.GetProperty("marked").GetInt64());
        Assert.Equal(0L, await UnreadAsync(reader));
        Assert.Empty(await TitlesAsync(reader, "unread=true"));
        Assert.All(await ItemsAsync(reader), i => Assert.True(i.GetProperty("read").GetBoolean()));
        Assert.Equal(OfficerSees.Length, await UnreadAsync(Actors.DadongOfficer));
        Assert.Equal(3L, await UnreadAsync(Actors.DadongHead));
    }

    [Theory]
    [InlineData("GET", "/api/v1/notifications")]
    [InlineData("GET", "/api/v1/notifications/unread-count")]
    [InlineData("GET", "/api/v1/notifications/stream")]
    [InlineData("POST", "/api/v1/notifications/1/read")]
    [InlineData("POST", "/api/v1/notifications/read-all")]
    public async Task Without_a_token_every_notification_endpoint_answers_401(string method, string path)
    {
        (await As(Actors.DadongOfficer).SendAsync(new HttpMethod(method), path, authenticated: false)).AssertProblem(401);
    }
}
