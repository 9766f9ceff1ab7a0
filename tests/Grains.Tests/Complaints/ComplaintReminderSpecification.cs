using System.Text.Json;
using CaseGrains.Abstractions.Calendar;
using CaseGrains.Abstractions.Complaints;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Tests.Scheduling;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Complaints;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.DependencyInjection;
using static CaseGrains.Grains.Tests.Complaints.ComplaintSamples;

namespace CaseGrains.Grains.Tests.Complaints;

/// <summary>
/// The answer period's reminder ladder, driven through the scheduler partitions (routed by the <c>CP-</c> prefix) on a
/// clock the test moves: the warning, the due date and the overdue step each fire on their day, once, recorded by the
/// system, with their notices to the handling office; overdue marks the complaint; an answer ends the ladder.
/// </summary>
public abstract class ComplaintReminderSpecification(CaseCluster cluster)
{
    private ShiftedClock Clock => (ShiftedClock)cluster.Clock!;

    private IServiceProvider Silo => cluster.Cluster.Silos[0].ServiceProvider;

    private IEnforcementComplaintGrain Grain(string id) => cluster.Grains.GetGrain<IEnforcementComplaintGrain>(id);

    [Fact]
    public async Task The_answer_period_warns_reminds_and_then_marks_the_complaint_overdue_telling_the_whole_office()
    {
        var id = NewId();
        var received = (await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor))).Succeeded();
        var dueOn = received.Deadlines[0].DueOn;

        await TravelToAsync(await WarningDayAsync(dueOn), ReminderStep.AdvanceWarning);
        Assert.Equal([ReminderStep.AdvanceWarning], await StepsAsync(id));

        await TravelToAsync(dueOn, ReminderStep.DueToday);
        await TickAllAsync();
        Assert.Equal([ReminderStep.AdvanceWarning, ReminderStep.DueToday], await StepsAsync(id));
        Assert.False((await Grain(id).Get(DadongSupervisor)).Succeeded().Complaint.AnswerOverdue);

        await TravelToAsync(dueOn.AddDays(1), ReminderStep.Overdue);
        var overdue = (await Grain(id).Get(DadongSupervisor)).Succeeded();
        Assert.True(overdue.Complaint.AnswerOverdue);
        Assert.Equal(DeadlineStatus.Missed, overdue.Deadlines[0].Status);
        Assert.Equal([ReminderStep.AdvanceWarning, ReminderStep.DueToday, ReminderStep.Overdue], await StepsAsync(id));
        Assert.Empty(await ScheduleAsync(id));

        var history = await Silo.GetRequiredService<IComplaintStore>().ReadHistoryAsync(id);
        Assert.All(history.Where(e => e.Action == "fireComplaintReminder"), e => Assert.Equal(("system", "system"), (e.ActorUserId, e.ActorOrganisationId)));
        var notices = await NoticesAsync(id);
        Assert.Equal([(DadongOffice, "supervisor"), (DadongOffice, "supervisor"), (DadongOffice, null)], notices.Select(n => (n.RecipientOrganisationId, n.RecipientRole)));
        Assert.StartsWith("【逾期】投诉举报" + id, notices[^1].Title, StringComparison.Ordinal);
        Assert.All(notices, n => Assert.DoesNotContain("王五", n.Title + n.Text + n.PayloadJson, StringComparison.Ordinal));

        // A late answer is still given, and recorded as late.
        await Grain(id).Perform(new VerifyComplaint { Summary = "核查" }, By(DadongSupervisor));
        await Grain(id).Perform(new HandleComplaint { Substantiated = false, Summary = "经核查，投诉不属实" }, By(DadongSupervisor));
        var answered = (await Grain(id).Perform(new AnswerComplainant { Summary = "经核查，投诉不属实" }, By(DadongSupervisor))).Succeeded();
        Assert.True(answered.Complaint.Answer!.Late);
        Assert.Null(answered.Finding);
    }

    [Fact]
    public async Task An_answer_in_time_ends_the_ladder_and_a_second_delivery_of_a_step_changes_nothing()
    {
        var id = NewId();
        var received = (await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor))).Succeeded();
        var dueOn = received.Deadlines[0].DueOn;
        Assert.Equal(["advanceWarning", "dueToday", "overdue"], (await ScheduleAsync(id)).Select(e => e.Step).Order(StringComparer.Ordinal));

        var deadlines = cluster.Grains.GetGrain<IComplaintDeadlinesGrain>(id);
        var warning = new FireComplaintReminder { Kind = DeadlineKind.ComplaintAnswer, DeadlineId = 0, Step = ReminderStep.AdvanceWarning, DueOn = dueOn };
        Assert.Equal(SystemCommandOutcomeKind.NotDue, (await deadlines.FireReminder(warning with { Step = ReminderStep.Overdue })).Kind);
        Clock.TravelTo(ReminderPolicy.FireAt(ReminderStep.AdvanceWarning, await WarningDayAsync(dueOn)));
        Assert.Equal(SystemCommandOutcomeKind.Recorded, (await deadlines.FireReminder(warning)).Kind);
        Assert.Equal(SystemCommandOutcomeKind.Unchanged, (await deadlines.FireReminder(warning)).Kind);

        await Grain(id).Perform(new RejectComplaint { Ground = ComplaintRejectionGround.OtherRemedyAvailable, Reasons = "应当通过行政复议途径解决" }, By(DadongSupervisor));
        await Grain(id).Perform(new AnswerComplainant { Summary = "已告知申请行政复议的途径" }, By(DadongSupervisor));

        Assert.Empty(await ScheduleAsync(id));
        await TravelToAsync(dueOn.AddDays(1), ReminderStep.Overdue);
        Assert.Equal([ReminderStep.AdvanceWarning], await StepsAsync(id));
        Assert.False((await Grain(id).Get(DadongSupervisor)).Succeeded().Complaint.AnswerOverdue);
    }

    [Fact]
    public async Task A_complaint_registered_after_its_period_ran_out_gets_the_overdue_step_not_the_warnings_it_missed()
    {
        var id = NewId();
        var receivedOn = ChinaTime.Today(Clock).AddDays(-70);
        (await Grain(id).Receive(AboutTheBrigade(receivedOn), By(DadongSupervisor))).Succeeded();

        await TickAllAsync();

        Assert.Equal([ReminderStep.Overdue], await StepsAsync(id));
        Assert.True((await Grain(id).Get(DadongSupervisor)).Succeeded().Complaint.AnswerOverdue);
    }

    private async Task<DateOnly> WarningDayAsync(DateOnly dueOn)
    {
        var calendar = (await cluster.Grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key).GetArrangements()).ToCalendar();
        return calendar.SubtractWorkingDays(dueOn, ReminderPolicy.DefaultAdvanceWarningDays).Date;
    }

    private async Task TravelToAsync(DateOnly on, ReminderStep step)
    {
        Clock.TravelTo(ReminderPolicy.FireAt(step, on));
        await TickAllAsync();
    }

    private async Task TickAllAsync() =>
        await Task.WhenAll(Enumerable.Range(0, ReminderPartitions.Count).Select(p => cluster.Grains.GetGrain<IDeadlineSchedulerGrain>(p).Tick()));

    private async Task<List<ReminderStep>> StepsAsync(string id) =>
        [.. (await Silo.GetRequiredService<IComplaintStore>().ReadHistoryAsync(id))
            .Where(e => e.Action == "fireComplaintReminder")
            .Select(e => Enum.Parse<ReminderStep>(JsonDocument.Parse(e.PayloadJson).RootElement.GetProperty("step").GetString()!, ignoreCase: true))];

    private async Task<List<ScheduleEntry>> ScheduleAsync(string id)
    {
        var all = await Silo.GetRequiredService<IReminderIndex>().DueAsync(ReminderPartitions.Of(id), DateTimeOffset.MaxValue.AddYears(-1), 100_000);
        return [.. all.Where(e => e.CaseId == id)];
    }

    /// <summary>The complaint's notifications in the inbox of a supervisor of the handling office, oldest first.</summary>
    private async Task<List<StoredNotification>> NoticesAsync(string id)
    {
        var recipient = new NotificationRecipient(DadongSupervisor.UserId, DadongOffice, Domain.Access.Role.Supervisor);
        var page = await Silo.GetRequiredService<INotificationInbox>().ListAsync(recipient, new InboxQuery { CaseId = id, Limit = 100 });
        return [.. page.Items.Select(i => i.Notification).OrderBy(n => n.Id)];
    }
}

public sealed class InMemoryComplaintReminderTests(ScheduledInMemoryCaseCluster cluster)
    : ComplaintReminderSpecification(cluster), IClassFixture<ScheduledInMemoryCaseCluster>;

public sealed class PostgresComplaintReminderTests(ScheduledPostgresCaseCluster cluster)
    : ComplaintReminderSpecification(cluster), IClassFixture<ScheduledPostgresCaseCluster>;
