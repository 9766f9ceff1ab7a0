using CaseGrains.Domain.Access;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>
/// How a user's inbox behaves: who sees which notification, newest first with keyset paging and filters, and read state
/// kept per user. Run against PostgreSQL and in memory. The notifications, titled by number in the order written:
/// 1 to B-SY, 2 to B-SY's case officers, 3 to B-SY's heads, 4 to the applicant, 5 to B-DL, 6 to officer u-officer-1
/// (1, 2, 4 on case C-1; 3, 5, 6 on C-2).
/// </summary>
public abstract class NotificationInboxSpecification : BackendSpecification
{
    private static readonly DateTimeOffset ReadTime = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);

    private static readonly NotificationRecipient Officer = new("u-officer-1", "B-SY", Role.CaseOfficer);
    private static readonly NotificationRecipient OtherOfficer = new("u-officer-2", "B-SY", Role.CaseOfficer);
    private static readonly NotificationRecipient Head = new("u-head-1", "B-SY", Role.BodyHead);
    private static readonly NotificationRecipient Applicant = new("u-applicant-1", "I-ONLINE", Role.Applicant);
    private static readonly NotificationRecipient DalianOfficer = new("u-officer-9", "B-DL", Role.CaseOfficer);
    private static readonly NotificationRecipient Supervisor = new("u-supervisor-1", "S-LN", Role.Supervisor);

    private INotificationInbox Inbox => Backend.Inbox;

    /// <summary>The ids of the six notifications by title.</summary>
    private async Task<Dictionary<string, long>> GivenSixNotificationsAsync()
    {
        await Backend.Store.AppendAsync(Given.Commit("C-1", 0) with
        {
            Notifications = [Given.ToOrganisation("B-SY", "1"), Given.ToOrganisation("B-SY", "2", "caseOfficer")],
        });
        await Backend.Store.AppendAsync(Given.Commit("C-2", 0) with { Notifications = [Given.ToOrganisation("B-SY", "3", "bodyHead")] });
        await Backend.Store.AppendAsync(Given.Commit("C-1", 1) with { Notifications = [Given.ToUser("u-applicant-1", "4")] });
        await Backend.Store.AppendAsync(Given.Commit("C-2", 1) with
        {
            Notifications = [Given.ToOrganisation("B-DL", "5"), Given.ToUser("u-officer-1", "6")],
        });
        var all = await Backend.Feed.WaitForAsync(6);
        return all.ToDictionary(n => n.Title, n => n.Id);
    }

    private async Task<IReadOnlyList<string>> TitlesAsync(NotificationRecipient recipient, InboxQuery? query = null) =>
        [.. (await Inbox.ListAsync(recipient, query ?? new InboxQuery())).Items.Select(i => i.Notification.Title)];

    public static TheoryData<string, string> WhoSeesWhat => new()
    {
        { "officer", "6 2 1" },
        { "other officer", "2 1" },
        { "head", "3 1" },
        { "applicant", "4" },
        { "dalian officer", "5" },
        { "supervisor", "" },
    };

    private static NotificationRecipient Named(string name) => name switch
    {
        "officer" => Officer,
        "other officer" => OtherOfficer,
        "head" => Head,
        "applicant" => Applicant,
        "dalian officer" => DalianOfficer,
        _ => Supervisor,
    };

    [Theory]
    [MemberData(nameof(WhoSeesWhat))]
    public async Task Each_user_sees_what_is_addressed_to_them_to_their_organisation_or_to_their_role_newest_first(string who, string titles)
    {
        await GivenSixNotificationsAsync();
        var recipient = Named(who);

        var page = await Inbox.ListAsync(recipient, new InboxQuery());

        Assert.Equal(titles.Split(' ', StringSplitOptions.RemoveEmptyEntries), page.Items.Select(i => i.Notification.Title));
        Assert.All(page.Items, i => Assert.True(recipient.Sees(i.Notification)));
        Assert.All(page.Items, i => Assert.False(i.Read));
        Assert.Null(page.NextBefore);
        Assert.Equal(page.Items.Count, await Inbox.CountUnreadAsync(recipient));
    }

    [Fact]
    public async Task A_notification_to_a_user_follows_the_account_and_one_to_a_role_needs_the_organisation_too()
    {
        await GivenSixNotificationsAsync();

        // The same account under another organisation still gets what was sent to it by name, nothing of B-SY's.
        Assert.Equal(["6"], await TitlesAsync(Officer with { OrganisationId = "B-XX" }));

        // The head role in another organisation does not see B-SY's notifications to heads.
        Assert.Equal(["5"], await TitlesAsync(DalianOfficer with { Role = Role.BodyHead }));
    }

    [Fact]
    public async Task An_inbox_is_paged_newest_first_by_its_cursor_until_the_last_page()
    {
        var ids = await GivenSixNotificationsAsync();

        var first = await Inbox.ListAsync(Officer, new InboxQuery { Limit = 2 });
        var second = await Inbox.ListAsync(Officer, new InboxQuery { Limit = 2, Before = first.NextBefore });

        Assert.Equal(["6", "2"], first.Items.Select(i => i.Notification.Title));
        Assert.Equal(ids["2"], first.NextBefore);
        Assert.Equal(["1"], second.Items.Select(i => i.Notification.Title));
        Assert.Null(second.NextBefore);
        Assert.Equal(["2", "1"], await TitlesAsync(Officer, new InboxQuery { Before = ids["6"] }));
        Assert.Empty(await TitlesAsync(Officer, new InboxQuery { Before = ids["1"] }));

        var exact = await Inbox.ListAsync(Officer, new InboxQuery { Limit = 3 });
        Assert.Equal(3, exact.Items.Count);
        Assert.Null(exact.NextBefore);
    }

    [Fact]
    public async Task An_inbox_is_filtered_by_case()
    {
        await GivenSixNotificationsAsync();

        Assert.Equal(["2", "1"], await TitlesAsync(Officer, new InboxQuery { CaseId = "C-1" }));
        Assert.Equal(["6"], await TitlesAsync(Officer, new InboxQuery { CaseId = "C-2" }));
        Assert.Empty(await TitlesAsync(Officer, new InboxQuery { CaseId = "C-404" }));
    }

    [Fact]
    public async Task Reading_an_organisation_notification_marks_it_read_for_that_user_only()
    {
        var ids = await GivenSixNotificationsAsync();

        Assert.True(await Inbox.MarkReadAsync(Officer, ids["1"], ReadTime));

        var officer = (await Inbox.ListAsync(Officer, new InboxQuery())).Items;
        Assert.Equal([false, false, true], officer.Select(i => i.Read));
        Assert.Equal(ReadTime.AddTicks(-7), officer[2].ReadAt);
        Assert.Equal(TimeSpan.Zero, officer[2].ReadAt!.Value.Offset);
        Assert.Equal(2L, await Inbox.CountUnreadAsync(Officer));
        Assert.Equal(["6", "2"], await TitlesAsync(Officer, new InboxQuery { UnreadOnly = true }));
        Assert.Equal(2L, await Inbox.CountUnreadAsync(OtherOfficer));
        Assert.Equal(2L, await Inbox.CountUnreadAsync(Head));
        Assert.All((await Inbox.ListAsync(OtherOfficer, new InboxQuery())).Items, i => Assert.False(i.Read));
    }

    [Fact]
    public async Task Marking_read_again_keeps_the_first_time()
    {
        var ids = await GivenSixNotificationsAsync();

        Assert.True(await Inbox.MarkReadAsync(Officer, ids["6"], ReadTime));
        Assert.True(await Inbox.MarkReadAsync(Officer, ids["6"], ReadTime.AddHours(1)));

        Assert.Equal(ReadTime.AddTicks(-7), (await Inbox.ListAsync(Officer, new InboxQuery())).Items[0].ReadAt);
        Assert.Equal(2L, await Inbox.CountUnreadAsync(Officer));
    }

    [Fact]
    public async Task A_notification_the_user_does_not_see_cannot_be_marked_and_nothing_changes()
    {
        var ids = await GivenSixNotificationsAsync();

        Assert.False(await Inbox.MarkReadAsync(Head, ids["2"], ReadTime));
        Assert.False(await Inbox.MarkReadAsync(Officer, ids["4"], ReadTime));
        Assert.False(await Inbox.MarkReadAsync(DalianOfficer, ids["1"], ReadTime));
        Assert.False(await Inbox.MarkReadAsync(Officer, ids.Values.Max() + 1000, ReadTime));
        Assert.False(await Inbox.MarkReadAsync(Officer, 0, ReadTime));
        Assert.False(await Inbox.MarkReadAsync(Officer, -1, ReadTime));

        Assert.Equal(2L, await Inbox.CountUnreadAsync(Head));
        Assert.Equal(3L, await Inbox.CountUnreadAsync(Officer));
        Assert.Equal(1L, await Inbox.CountUnreadAsync(DalianOfficer));
    }

    [Fact]
    public async Task Marking_all_read_marks_what_the_user_sees_and_has_not_read_and_nothing_of_anyone_else()
    {
        var ids = await GivenSixNotificationsAsync();
        await Inbox.MarkReadAsync(Officer, ids["2"], ReadTime);

        Assert.Equal(2L, await Inbox.MarkAllReadAsync(Officer, ReadTime.AddHours(1)));

        Assert.Equal(0L, await Inbox.CountUnreadAsync(Officer));
        Assert.Empty(await TitlesAsync(Officer, new InboxQuery { UnreadOnly = true }));
        Assert.Equal(
            [ReadTime.AddTicks(-7).AddHours(1), ReadTime.AddTicks(-7), ReadTime.AddTicks(-7).AddHours(1)],
            (await Inbox.ListAsync(Officer, new InboxQuery())).Items.Select(i => i.ReadAt));
        Assert.Equal(0L, await Inbox.MarkAllReadAsync(Officer, ReadTime));
        Assert.Equal(2L, await Inbox.CountUnreadAsync(OtherOfficer));
        Assert.Equal(2L, await Inbox.CountUnreadAsync(Head));
    }

    [Fact]
    public async Task A_notification_written_after_marking_all_read_is_unread()
    {
        await GivenSixNotificationsAsync();
        await Inbox.MarkAllReadAsync(Officer, ReadTime);

        await Backend.Store.AppendAsync(Given.Commit("C-1", 2) with { Notifications = [Given.ToOrganisation("B-SY", "7", "caseOfficer")] });

        Assert.Equal(1L, await Inbox.CountUnreadAsync(Officer));
        Assert.Equal(["7"], await TitlesAsync(Officer, new InboxQuery { UnreadOnly = true }));
    }

    [Fact]
    public async Task Unread_only_pages_by_the_same_cursor()
    {
        var ids = await GivenSixNotificationsAsync();
        await Inbox.MarkReadAsync(Officer, ids["2"], ReadTime);

        var first = await Inbox.ListAsync(Officer, new InboxQuery { UnreadOnly = true, Limit = 1 });
        var second = await Inbox.ListAsync(Officer, new InboxQuery { UnreadOnly = true, Limit = 1, Before = first.NextBefore });

        Assert.Equal(["6"], first.Items.Select(i => i.Notification.Title));
        Assert.Equal(["1"], second.Items.Select(i => i.Notification.Title));
        Assert.Null(second.NextBefore);
    }

    [Fact]
    public async Task Out_of_range_paging_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Inbox.ListAsync(Officer, new InboxQuery { Limit = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Inbox.ListAsync(Officer, new InboxQuery { Limit = InboxQuery.MaxLimit + 1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Inbox.ListAsync(Officer, new InboxQuery { Before = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Inbox.CountUnreadAsync(Officer with { UserId = "" }));
    }
}
