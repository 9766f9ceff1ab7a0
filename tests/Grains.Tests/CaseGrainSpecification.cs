using CaseGrains.Domain.Access;
using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Calendar;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Grains.Tests.Support;
using static CaseGrains.Grains.Tests.Support.Samples;

namespace CaseGrains.Grains.Tests;

/// <summary>
/// What the case and calendar grains promise, on a running cluster. Each backend runs the same scenarios
/// (<see cref="InMemoryCaseGrainTests"/>, <see cref="PostgresCaseGrainTests"/>); every scenario works on its own case.
/// </summary>
public abstract class CaseGrainSpecification(CaseCluster cluster)
{
    protected CaseCluster Cluster { get; } = cluster;

    private IReconsiderationCaseGrain Case(string id) => Cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id);

    private ICalendarGrain Calendar => Cluster.Grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key);

    private async Task<(IReconsiderationCaseGrain Grain, CaseView View)> ReceivedCaseAsync()
    {
        var grain = Case(NewCaseId());
        var view = (await grain.Receive(TrafficFine(), By(Clerk))).Succeeded();
        return (grain, view);
    }

    private static async Task<CaseView> WalkAsync(IReconsiderationCaseGrain grain, IEnumerable<(CaseCommand Command, Principal Actor)> steps)
    {
        CaseView? last = null;
        foreach (var (command, actor) in steps)
        {
            last = (await grain.Perform(command, By(actor))).Succeeded();
        }

        return last ?? (await grain.Get(Clerk)).Succeeded();
    }

    // --- Receiving -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Receiving_routes_the_case_to_the_competent_body_of_the_agencys_region_from_the_directory()
    {
        var grain = Case(NewCaseId());

        var view = (await grain.Receive(TrafficFine(DapingfangServicePoint, YingkouMarketRegulator), By(IntakeClerkAt(DapingfangServicePoint)))).Succeeded();

        Assert.Equal(1, view.Version);
        Assert.Equal(CaseStatus.Received, view.Case.Status);
        Assert.Equal(DapingfangServicePoint, view.Case.IntakePointId);
        Assert.Equal(ChaoyangCountyBody, view.Case.ReceivingBodyId);
        Assert.Equal(YingkouBody, view.Case.CompetentBodyId);
        Assert.Equal("营口市市场监督管理局", view.Case.RespondentAgencyName);
        Assert.Equal("/R210000/R210800/", view.Case.RegionPath);
        Assert.Equal(view.Today, view.Case.ReceivedOn);

        // The intake point only receives; the competent body decides whether to accept.
        Assert.DoesNotContain(CaseActionName.Accept, view.AllowedActions);
        var yingkouHead = new Principal("u-yk-head", YingkouBody, Role.BodyHead, "/R210000/R210800/");
        Assert.Contains(CaseActionName.Accept, (await grain.Get(yingkouHead)).Succeeded().AllowedActions);
    }

    [Fact]
    public async Task Receiving_at_an_intake_point_the_user_does_not_work_for_is_forbidden_and_stores_nothing()
    {
        var id = NewCaseId();

        (await Case(id).Receive(TrafficFine(DapingfangServicePoint, YingkouMarketRegulator), By(Clerk))).Failed(CaseFailureKind.Forbidden);

        Assert.Null(await Cluster.Store.LoadAsync(id));
    }

    [Fact]
    public async Task A_case_outside_the_users_scope_is_not_found_for_reading_and_acting()
    {
        var (grain, _) = await ReceivedCaseAsync();
        var otherCounty = new Principal("u-heping", "B-R210102", Role.BodyHead, "/R210000/R210100/R210102/");

        (await grain.Get(otherCounty)).Failed(CaseFailureKind.NotFound);
        (await grain.Perform(AcceptOrdinary, By(otherCounty))).Failed(CaseFailureKind.NotFound);
    }

    [Fact]
    public async Task Personal_data_is_encrypted_in_the_stored_snapshot_and_history_but_read_in_full_by_the_body()
    {
        var (grain, received) = await ReceivedCaseAsync();

        var stored = await Cluster.Store.LoadAsync(received.Id);
        var history = await Cluster.Store.ReadHistoryAsync(received.Id);
        foreach (var text in new[] { stored!.SnapshotJson, history[0].PayloadJson })
        {
            Assert.DoesNotContain("210104199003071236", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13800000000", text, StringComparison.Ordinal);
        }

        Assert.Equal("210104199003071236", (await grain.Get(Clerk)).Succeeded().Case.Applicant.IdNumber);
    }

    [Fact]
    public async Task An_agency_in_a_township_falls_to_the_body_of_the_nearest_region_above()
    {
        var view = (await Case(NewCaseId()).Receive(TrafficFine(agencyId: LiaoningDemo.WanquanStreetOffice), By(Clerk))).Succeeded();

        Assert.Equal(LiaoningDemo.DadongBody, view.Case.CompetentBodyId);
        Assert.Equal("/R210000/R210100/R210104/R210104001/", view.Case.RegionPath);
    }

    [Theory]
    [InlineData("I-NOWHERE", LiaoningDemo.DadongTrafficBrigade, "intakePointId")]
    [InlineData(LiaoningDemo.DadongTrafficBrigade, LiaoningDemo.DadongTrafficBrigade, "intakePointId")] // an agency is no intake point
    [InlineData(DadongTrafficIntake, "A-NOWHERE", "respondentAgencyId")]
    [InlineData(DadongTrafficIntake, LiaoningDemo.DadongBody, "respondentAgencyId")] // a body is no enforcement agency
    public async Task An_application_naming_an_unknown_intake_point_or_agency_is_refused_as_invalid_and_opens_no_case(
        string intakePointId, string agencyId, string field)
    {
        var id = NewCaseId();

        var failure = (await Case(id).Receive(TrafficFine(intakePointId, agencyId), By(Clerk))).Failed(CaseFailureKind.Invalid);

        Assert.Equal(field, failure.Field);
        Assert.Equal("unknown_organisation", failure.Code);
        (await Case(id).Get(Clerk)).Failed(CaseFailureKind.NotFound);
        Assert.Null(await Cluster.Store.LoadAsync(id));
    }

    [Fact]
    public async Task Receiving_twice_under_one_id_is_refused_as_already_existing()
    {
        var (grain, received) = await ReceivedCaseAsync();

        (await grain.Receive(TrafficFine(), By(Clerk))).Failed(CaseFailureKind.AlreadyExists);

        Assert.Equal(received.Json(), (await grain.Get(Clerk)).Succeeded().Json());
    }

    [Fact]
    public async Task Acting_on_a_case_that_was_never_received_is_refused_as_not_found()
    {
        var grain = Case(NewCaseId());

        (await grain.Perform(AcceptOrdinary, By(Reviewer))).Failed(CaseFailureKind.NotFound);
        (await grain.Get(Clerk)).Failed(CaseFailureKind.NotFound);
    }

    // --- The workflow ----------------------------------------------------------------------------------------

    [Fact]
    public async Task A_case_walks_from_receipt_to_closing_one_version_per_step()
    {
        var (grain, received) = await ReceivedCaseAsync();

        var closed = await WalkAsync(grain, OrdinaryWalkToClosing);

        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
        Assert.Equal(CaseEnding.Decided, closed.Case.Ending);
        Assert.Equal(DecisionType.Uphold, closed.Case.Decision?.Type);
        Assert.Equal(closed.Today, closed.Case.ClosedOn);
        Assert.Equal(received.Version + OrdinaryWalkToClosing.Count, closed.Version);
        Assert.Equal([CaseActionName.RecordPostDecisionQa], closed.AllowedActions);
        Assert.Equal(closed.Json(), (await grain.Get(Clerk)).Succeeded().Json());
    }

    [Fact]
    public async Task An_action_the_status_does_not_allow_is_refused_with_the_status_and_the_actions_allowed()
    {
        var (grain, received) = await ReceivedCaseAsync();

        var failure = (await grain.Perform(new Close(), By(Clerk))).Failed(CaseFailureKind.NotAllowed);

        Assert.Equal("action_not_allowed", failure.Code);
        Assert.Equal("received", failure.CurrentStatus);
        Assert.Equal(["resolveBeforeFiling", "requestCorrection", "accept", "deemAccepted", "notAccept", "withdraw"], failure.AllowedActions);
        Assert.Equal(received.Json(), (await grain.Get(Clerk)).Succeeded().Json());
    }

    [Fact]
    public async Task Extending_a_simplified_case_breaks_a_rule_of_law_and_changes_nothing()
    {
        var (grain, _) = await ReceivedCaseAsync();
        var accepted = (await grain.Perform(AcceptSimplified, By(Reviewer))).Succeeded();

        var failure = (await grain.Perform(new Extend { Days = 10, ApprovedBy = "李主任" }, By(Head))).Failed(CaseFailureKind.RuleViolation);

        Assert.Equal("extension_not_allowed_for_simplified_procedure", failure.Code);
        Assert.False(string.IsNullOrEmpty(failure.LegalBasis));
        Assert.Equal(accepted.Json(), (await grain.Get(Clerk)).Succeeded().Json());
    }

    // --- Retries and stale writes ----------------------------------------------------------------------------

    [Fact]
    public async Task A_retry_with_the_same_key_and_request_is_answered_as_replayed_without_a_new_version()
    {
        var id = NewCaseId();
        var received = (await Case(id).Receive(TrafficFine(), By(Clerk, "Receive-Retry-1", "h-receive"))).Succeeded();
        var accepted = (await Case(id).Perform(AcceptOrdinary, By(Reviewer, "Accept-Retry-1", "h-accept"))).Succeeded();

        var receiveAgain = await Case(id).Receive(TrafficFine(), By(Clerk, "Receive-Retry-1", "h-receive"));
        var acceptAgain = await Case(id).Perform(AcceptOrdinary, By(Reviewer, "Accept-Retry-1", "h-accept"));

        Assert.True(receiveAgain.Replayed);
        Assert.True(acceptAgain.Replayed);
        Assert.Equal(accepted.Json(), receiveAgain.Succeeded().Json());
        Assert.Equal(accepted.Json(), acceptAgain.Succeeded().Json());
        Assert.Equal(received.Version + 1, accepted.Version);
        Assert.Equal(2, (await Cluster.Store.ReadHistoryAsync(id)).Count);
    }

    [Fact]
    public async Task A_retry_is_still_recognised_after_the_grain_was_deactivated()
    {
        var id = NewCaseId();
        (await Case(id).Receive(TrafficFine(), By(Clerk, "Receive-After-Deactivation", "h-receive"))).Succeeded();
        var accepted = (await Case(id).Perform(AcceptOrdinary, By(Reviewer, "Accept-After-Deactivation", "h-accept"))).Succeeded();

        await Cluster.Cluster.DeactivateAsync(Case(id));
        var receiveAgain = await Case(id).Receive(TrafficFine(), By(Clerk, "Receive-After-Deactivation", "h-receive"));
        var acceptAgain = await Case(id).Perform(AcceptOrdinary, By(Reviewer, "Accept-After-Deactivation", "h-accept"));

        Assert.True(receiveAgain.Replayed, $"receive retry answered {receiveAgain.Failure?.Code}");
        Assert.True(acceptAgain.Replayed, $"accept retry answered {acceptAgain.Failure?.Code}");
        Assert.Equal(accepted.Json(), acceptAgain.Succeeded().Json());
        Assert.Equal(2, (await Cluster.Store.ReadHistoryAsync(id)).Count);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_request_is_refused()
    {
        var id = NewCaseId();
        (await Case(id).Receive(TrafficFine(), By(Clerk, "receive-1", "h-1"))).Succeeded();
        var accepted = (await Case(id).Perform(AcceptOrdinary, By(Reviewer, "step-1", "h-accept"))).Succeeded();

        var onPerform = (await Case(id).Perform(new SendCopyToRespondent(), By(Clerk, "step-1", "h-copy"))).Failed(CaseFailureKind.IdempotencyKeyReused);
        var onReceive = (await Case(id).Receive(TrafficFine(), By(Clerk, "receive-1", "h-other"))).Failed(CaseFailureKind.IdempotencyKeyReused);

        Assert.Equal("idempotency_key_reused", onPerform.Code);
        Assert.Equal("idempotency_key_reused", onReceive.Code);
        Assert.Equal(accepted.Json(), (await Case(id).Get(Clerk)).Succeeded().Json());
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_is_refused_with_the_current_version()
    {
        var (grain, received) = await ReceivedCaseAsync();
        var accepted = (await grain.Perform(AcceptOrdinary, By(Reviewer, expectedVersion: received.Version))).Succeeded();

        var failure = (await grain.Perform(new SendCopyToRespondent(), By(Clerk, expectedVersion: received.Version))).Failed(CaseFailureKind.VersionMismatch);

        Assert.Equal(accepted.Version, failure.CurrentVersion);
        Assert.Equal(accepted.Json(), (await grain.Get(Clerk)).Succeeded().Json());
        (await grain.Perform(new SendCopyToRespondent(), By(Clerk, expectedVersion: accepted.Version))).Succeeded();
    }

    [Fact]
    public async Task Of_twenty_concurrent_conflicting_commands_exactly_one_succeeds()
    {
        var (grain, received) = await ReceivedCaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            grain.Perform(i % 2 == 0 ? AcceptOrdinary : new NotAccept { Ground = NotAcceptanceGround.OutOfTime, Reasons = "超过申请期限" },
                By(Reviewer with { UserId = $"u-{i}" }, expectedVersion: received.Version))));

        var winner = Assert.Single(results, r => r.Failure is null).Succeeded();
        Assert.All(results.Where(r => r.Failure is not null), r => Assert.Equal(winner.Version, r.Failed(CaseFailureKind.VersionMismatch).CurrentVersion));
        Assert.Equal(received.Version + 1, winner.Version);
        var history = await Cluster.Store.ReadHistoryAsync(received.Id);
        Assert.Equal(2, history.Count);
        Assert.Equal(winner.Json(), (await grain.Get(Clerk)).Succeeded().Json());
    }

    // --- Durability ------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_case_reactivated_from_storage_is_identical_to_the_one_that_was_deactivated()
    {
        var (grain, _) = await ReceivedCaseAsync();
        var before = await WalkAsync(grain, OrdinaryWalkToClosing.Take(3));
        Assert.True(Cluster.Cluster.TryGetGrainContext(grain.GetGrainId(), out var firstActivation));

        await Cluster.Cluster.DeactivateAsync(grain);
        Assert.Null(Cluster.SiloOf(grain));
        var after = (await grain.Get(Clerk)).Succeeded();

        Assert.True(Cluster.Cluster.TryGetGrainContext(grain.GetGrainId(), out var secondActivation));
        Assert.NotSame(firstActivation, secondActivation);
        Assert.Equal(before.Json(), after.Json());
        Assert.Equal(before.AllowedActions, after.AllowedActions);
        Assert.Equal(before.Deadlines, after.Deadlines);
        var closed = await WalkAsync(grain, OrdinaryWalkToClosing.Skip(3));
        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
    }

    [Fact]
    public async Task Every_change_and_nothing_else_is_recorded_once_in_the_history_with_its_actor_and_action()
    {
        var (grain, _) = await ReceivedCaseAsync();
        (await grain.Perform(new Close(), By(Clerk))).Failed(CaseFailureKind.NotAllowed);
        (await grain.Perform(AcceptOrdinary, By(Reviewer, "accept", "h"))).Succeeded();
        (await grain.Perform(AcceptOrdinary, By(Reviewer, "accept", "h"))).Succeeded(); // replayed
        (await grain.Perform(new SendCopyToRespondent(), By(Clerk, expectedVersion: 1))).Failed(CaseFailureKind.VersionMismatch);
        var final = await WalkAsync(grain, OrdinaryWalkToClosing.Skip(1));

        var history = await Cluster.Store.ReadHistoryAsync(final.Id);

        Assert.Equal(Enumerable.Range(1, (int)final.Version).Select(v => (long)v), history.Select(e => e.Sequence));
        Assert.Equal(
            [
                ("receiveApplication", Clerk.UserId), ("accept", Reviewer.UserId), ("sendCopyToRespondent", Clerk.UserId),
                ("recordReply", Clerk.UserId), ("decide", Head.UserId), ("close", Clerk.UserId),
            ],
            history.Select(e => (e.Action, e.ActorUserId)));
        Assert.All(history, e => Assert.Equal(LiaoningDemo.DadongBody, e.ActorOrganisationId));
        Assert.Equal("accept", Assert.Single(history, e => e.IdempotencyKey is not null).Action);
        Assert.Equal("决定书已送达", history[^1].Reason);
        Assert.Equal(final.Version, (await Cluster.Store.LoadAsync(final.Id))?.Version);
    }

    // --- The calendar ----------------------------------------------------------------------------------------

    [Fact]
    public async Task The_calendar_refuses_an_inconsistent_year_with_every_reason_and_keeps_what_it_had()
    {
        var before = await Calendar.GetArrangements();
        var weekday = new DateOnly(2027, 3, 3);

        var errors = await Calendar.LoadYear(new HolidayYear(1999, [new(new DateOnly(2027, 1, 1), "")], [new(weekday, "春节")]), Clerk);

        Assert.Contains("year 1999 is outside 2000-2100", errors);
        Assert.Contains("off: 2027-01-01 is not in 1999", errors);
        Assert.Contains("off: 2027-01-01 has no holiday name", errors);
        Assert.Contains("makeupWorkdays: 2027-03-03 is a weekday, only a weekend day can be a make-up workday", errors);
        var after = await Calendar.GetArrangements();
        Assert.Equal(before.Version, after.Version);
        Assert.DoesNotContain(after.Years, y => y.Year == 1999);
    }

    [Fact]
    public async Task A_loaded_year_joins_the_shipped_ones_and_survives_deactivation()
    {
        var before = await Calendar.GetArrangements();

        Assert.Empty(await Calendar.LoadYear(Year2027, Clerk));
        var loaded = await Calendar.GetArrangements();
        await Cluster.Cluster.DeactivateAsync(Calendar);
        var reactivated = await Calendar.GetArrangements();

        Assert.Equal(before.Version + 1, loaded.Version);
        Assert.Equal([2025, 2026, 2027], loaded.Years.Select(y => y.Year));
        var year = Assert.Single(loaded.Years, y => y.Year == 2027);
        Assert.Equal(Year2027.Off, year.Off);
        Assert.Equal(Year2027.MakeupWorkdays, year.MakeupWorkdays);
        Assert.True(loaded.ToCalendar().HasArrangementFor(2027));
        Assert.Equal(loaded.Version, reactivated.Version);
        Assert.Equal(Describe(loaded), Describe(reactivated));
    }

    private static string Describe(CalendarArrangements arrangements) =>
        string.Join("; ", arrangements.Years.Select(y =>
            $"{y.Year}: off {string.Join(",", y.Off.Select(d => $"{d.Date:yyyy-MM-dd} {d.Name}"))} / worked {string.Join(",", y.MakeupWorkdays.Select(d => $"{d.Date:yyyy-MM-dd} {d.Name}"))}"));
}

public sealed class InMemoryCaseGrainTests(InMemoryCaseCluster cluster) : CaseGrainSpecification(cluster), IClassFixture<InMemoryCaseCluster>
{
    [Fact]
    public void The_silo_keeps_cases_grain_state_and_reminders_in_memory() =>
        Assert.Equal(
            ("InMemoryCaseStore", "InMemoryOrganisationDirectory", "MemoryGrainStorage", "InMemoryReminderTable"),
            Cluster.Backend());
}

public sealed class PostgresCaseGrainTests(PostgresCaseCluster cluster) : CaseGrainSpecification(cluster), IClassFixture<PostgresCaseCluster>
{
    [Fact]
    public void The_silo_keeps_cases_grain_state_and_reminders_in_postgresql() =>
        Assert.Equal(
            ("PostgresCaseStore", "PostgresOrganisationDirectory", "AdoNetGrainStorage", "AdoNetReminderTable"),
            Cluster.Backend());
}
