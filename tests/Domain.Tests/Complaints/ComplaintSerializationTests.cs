using System.Text.Json;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Tests.Complaints.Support;
using CaseGrains.Domain.Tests.Supervision;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using ComplaintCases = CaseGrains.Domain.Tests.Complaints.Support.Complaints;

namespace CaseGrains.Domain.Tests.Complaints;

public sealed class ComplaintSerializationTests
{
    private static ComplaintBuilder EveryStep() =>
        ComplaintCases.ReceivedOn(D(2025, 3, 3)).Fired(ReminderStep.AdvanceWarning).Fired(ReminderStep.Overdue)
            .Verified().Substantiated().Answered().Then(new CloseComplaint());

    private static EnforcementComplaint FullyPopulated() => EveryStep().State with
    {
        Rejection = new() { Ground = ComplaintRejectionGround.Duplicate, Reasons = "重复", RejectedOn = D(2025, 3, 4) },
    };

    [Fact]
    public void A_fully_populated_complaint_survives_a_round_trip()
    {
        var json = JsonSerializer.Serialize(FullyPopulated(), DomainJson.Storage);

        var read = JsonSerializer.Deserialize<EnforcementComplaint>(json, DomainJson.Strict)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, DomainJson.Storage));
        Assert.Contains("\"kind\":\"complaint\"", json, StringComparison.Ordinal);
        SupervisionSerializationTests.AssertEveryPropertyWritten(FullyPopulated());
    }

    [Fact]
    public void Every_kind_of_complaint_event_and_command_survives_a_round_trip()
    {
        var events = EveryStep().Events
            .Concat(ComplaintCases.ReceivedOn(D(2025, 3, 3)).Then(new RejectComplaint { Ground = ComplaintRejectionGround.NotEnforcementConduct, Reasons = "否" }).Events);
        var commands = ComplaintWorkflowTests.SampleCommands
            .Append(new FireComplaintReminder { Kind = DeadlineKind.ComplaintAnswer, DeadlineId = 0, Step = ReminderStep.DueToday, DueOn = D(2025, 5, 6) })
            .ToList();

        SupervisionSerializationTests.AssertRoundTrips<ComplaintEvent>(events, "type");
        SupervisionSerializationTests.AssertRoundTrips<ComplaintCommand>(commands, "action");
        Assert.All(commands, c => Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(c.Action.ToString()), JsonSerializer.SerializeToElement<ComplaintCommand>(c, DomainJson.Storage).GetProperty("action").GetString()));
    }

    [Fact]
    public void A_complaint_is_read_from_the_JSON_a_client_sends()
    {
        const string json = """{"kind":"report","agencyId":"A-R210104-TRAFFIC","conduct":"乱收费"}""";

        var command = JsonSerializer.Deserialize<ReceiveComplaint>(json, DomainJson.Strict)!;

        Assert.Equal((ComplaintKind.Report, null, null), (command.Kind, command.Complainant, command.ReceivedOn));
    }
}
