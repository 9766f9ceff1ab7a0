using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Complaints;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Supervision;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Complaints;
using Microsoft.Extensions.DependencyInjection;
using static CaseGrains.Grains.Tests.Complaints.ComplaintSamples;

namespace CaseGrains.Grains.Tests.Complaints;

/// <summary>
/// The complaint grain on an in-process cluster, in memory and on PostgreSQL: the walk from receipt to closing with its
/// history, the finding a substantiated complaint makes against the agency, who sees and does what, the complainant
/// sealed at rest, idempotent retries and stale writes.
/// </summary>
public abstract class ComplaintGrainSpecification(CaseCluster cluster)
{
    private IComplaintStore Store => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IComplaintStore>();

    private IEnforcementComplaintGrain Grain(string id) => cluster.Grains.GetGrain<IEnforcementComplaintGrain>(id);

    [Fact]
    public async Task A_complaint_is_walked_from_receipt_to_closing_and_its_history_says_who_did_what_when_and_why()
    {
        var id = NewId();
        var received = (await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor))).Succeeded();
        Assert.Equal((ComplaintStatus.Received, DadongOffice, "/R210000/R210100/R210104/"), (received.Complaint.Status, received.Complaint.HandlingOfficeId, received.Complaint.RegionPath));
        var answer = Assert.Single(received.Deadlines);
        Assert.Equal((DeadlineKind.ComplaintAnswer, DeadlineUnit.NaturalDays, 60), (answer.Kind, answer.Unit, answer.Length));
        Assert.Equal([ComplaintActionName.VerifyComplaint, ComplaintActionName.RejectComplaint], received.AllowedActions);

        await Grain(id).Perform(new VerifyComplaint { Summary = "属于行政执法行为，予以核查", Reason = "符合受理条件" }, By(DadongSupervisor));
        var handled = (await Grain(id).Perform(Substantiated, By(DadongSupervisor))).Succeeded();
        var answered = (await Grain(id).Perform(new AnswerComplainant { Summary = "经核查，投诉属实，已责令纠正" }, By(DadongSupervisor))).Succeeded();
        var closed = (await Grain(id).Perform(new CloseComplaint { Reason = "答复已送达" }, By(DadongSupervisor))).Succeeded();

        var finding = Assert.IsType<AgencyFinding>(handled.Finding);
        Assert.Equal((FindingSource.Complaint, id, "A-R210104-TRAFFIC", 3L), (finding.Source, finding.CaseId, finding.AgencyId, finding.SourceVersion));
        Assert.Equal([FlawKind.Procedure], finding.Flaws);
        Assert.False(answered.Complaint.Answer!.Late);
        Assert.Equal(DeadlineStatus.Met, answered.Deadlines[0].Status);
        Assert.Equal((ComplaintStatus.Closed, 5L), (closed.Complaint.Status, closed.Version));
        Assert.Empty(closed.AllowedActions);

        var history = await Store.ReadHistoryAsync(id);
        Assert.Equal(["receiveComplaint", "verifyComplaint", "handleComplaint", "answerComplainant", "closeComplaint"], history.Select(e => e.Action));
        Assert.All(history, e => Assert.Equal((DadongSupervisor.UserId, DadongOffice), (e.ActorUserId, e.ActorOrganisationId)));
        Assert.Equal([null, "符合受理条件", "经调取执法记录仪视频核实", null, "答复已送达"], history.Select(e => e.Reason));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.True((await Store.VerifyHistoryAsync(id)).Intact);
    }

    [Fact]
    public async Task Only_the_handling_office_acts_the_offices_above_watch_with_the_complainant_masked_and_nobody_else_sees_it()
    {
        var id = NewId();
        (await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor))).Succeeded();

        var full = (await Grain(id).Get(DadongSupervisor)).Succeeded();
        var watched = (await Grain(id).Get(ShenyangSupervisor)).Succeeded();
        var administered = (await Grain(id).Get(DadongSupervisor with { Role = Role.Administrator })).Succeeded();

        Assert.Equal(("王五", "13912345678"), (full.Complaint.Complainant!.Name, full.Complaint.Complainant.Phone));
        Assert.Equal(("王*", "139****5678"), (watched.Complaint.Complainant!.Name, watched.Complaint.Complainant.Phone));
        Assert.Equal(CaseVisibility.Masked, administered.Visibility);
        Assert.Empty(watched.AllowedActions);
        (await Grain(id).Get(YingkouSupervisor)).Failed(CaseFailureKind.NotFound);
        (await Grain(id).Get(BrigadeStaff)).Failed(CaseFailureKind.NotFound);
        (await Grain(id).Perform(new VerifyComplaint { Summary = "核查" }, By(ShenyangSupervisor))).Failed(CaseFailureKind.Forbidden);
        (await Grain(id).Perform(new VerifyComplaint { Summary = "核查" }, By(BrigadeStaff))).Failed(CaseFailureKind.NotFound);
        (await Grain(NewId()).Receive(AboutTheBrigade(), By(YingkouSupervisor))).Failed(CaseFailureKind.Forbidden);
        (await Grain(NewId()).Receive(AboutTheBrigade(), By(BrigadeStaff))).Failed(CaseFailureKind.Forbidden);
        Assert.Equal(CaseVisibility.Full, (await Grain(id).Get(ShenyangSupervisor with { OrganisationId = DadongOffice })).Succeeded().Visibility);
    }

    [Fact]
    public async Task The_complainants_name_and_phone_are_sealed_in_the_snapshot_and_the_history()
    {
        var id = NewId();
        (await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor))).Succeeded();

        var stored = (await Store.LoadAsync(id))!.SnapshotJson;
        var payload = (await Store.ReadHistoryAsync(id))[0].PayloadJson;

        foreach (var text in new[] { stored, payload })
        {
            Assert.DoesNotContain("王五", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13912345678", text, StringComparison.Ordinal);
            Assert.Contains("enc:v1:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Refusals_change_nothing_and_say_why()
    {
        var id = NewId();
        (await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor))).Succeeded();

        var notAllowed = (await Grain(id).Perform(new AnswerComplainant { Summary = "答复" }, By(DadongSupervisor))).Failed(CaseFailureKind.NotAllowed);
        var invalid = (await Grain(id).Perform(new VerifyComplaint { Summary = " " }, By(DadongSupervisor))).Failed(CaseFailureKind.Invalid);
        var stale = (await Grain(id).Perform(new VerifyComplaint { Summary = "核查" }, By(DadongSupervisor, expectedVersion: 7))).Failed(CaseFailureKind.VersionMismatch);
        var anonymous = (await Grain(NewId()).Receive(AboutTheBrigade() with { Complainant = null }, By(DadongSupervisor))).Failed(CaseFailureKind.Invalid);
        var unknownAgency = (await Grain(NewId()).Receive(AboutTheBrigade() with { AgencyId = "B-R210104" }, By(DadongSupervisor))).Failed(CaseFailureKind.Invalid);
        var system = (await Grain(id).Perform(new FireComplaintReminder { Kind = DeadlineKind.ComplaintAnswer, DeadlineId = 0, Step = Domain.Deadlines.Reminders.ReminderStep.Overdue, DueOn = Samples.Today }, By(DadongSupervisor))).Failed(CaseFailureKind.Forbidden);

        Assert.Equal(["verifyComplaint", "rejectComplaint"], notAllowed.AllowedActions);
        Assert.Equal(("received", "summary", 1L), (notAllowed.CurrentStatus, invalid.Field, stale.CurrentVersion));
        Assert.Equal(("complainant_required", "agency_not_found", "role_not_permitted"), (anonymous.Code, unknownAgency.Code, system.Code));
        Assert.Single(await Store.ReadHistoryAsync(id));
        var report = (await Grain(NewId()).Receive(AboutTheBrigade() with { Kind = ComplaintKind.Report, Complainant = null }, By(DadongSupervisor))).Succeeded();
        Assert.Null(report.Complaint.Complainant);
    }

    [Fact]
    public async Task A_retried_receipt_or_action_is_recognised_by_its_key_and_a_key_reused_for_another_request_is_refused()
    {
        var id = NewId();
        var first = (await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor, "r-1", "h-1"))).Succeeded();
        var retry = await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor, "r-1", "h-1"));
        var other = await Grain(id).Receive(AboutTheBrigade(), By(DadongSupervisor, "r-1", "h-2"));
        var verify = new VerifyComplaint { Summary = "核查" };
        (await Grain(id).Perform(verify, By(DadongSupervisor, "v-1", "hv"))).Succeeded();
        var verifyAgain = await Grain(id).Perform(verify, By(DadongSupervisor, "v-1", "hv"));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Version, retry.Succeeded().Version);
        Assert.Equal("idempotency_key_reused", other.Failed(CaseFailureKind.IdempotencyKeyReused).Code);
        Assert.True(verifyAgain.Replayed);
        Assert.Equal(2, (await Store.ReadHistoryAsync(id)).Count);
    }
}

public sealed class InMemoryComplaintGrainTests(InMemoryCaseCluster cluster)
    : ComplaintGrainSpecification(cluster), IClassFixture<InMemoryCaseCluster>;

public sealed class PostgresComplaintGrainTests(PostgresCaseCluster cluster)
    : ComplaintGrainSpecification(cluster), IClassFixture<PostgresCaseCluster>;
