using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Deadlines.Reminders.ReminderStep;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using Kind = CaseGrains.Domain.Deadlines.DeadlineKind;

namespace CaseGrains.Domain.Tests.Cases;

/// <summary>The JSON of the reminder commands, events and state: what the scheduler sends, the history stores and the
/// snapshot keeps.</summary>
public sealed class ReminderSerializationTests
{
    [Fact]
    public void A_fire_reminder_command_is_read_by_its_action()
    {
        const string json = """{"action":"fireReminder","kind":"review","deadlineId":0,"step":"overdue","dueOn":"2025-02-07"}""";

        var command = JsonSerializer.Deserialize<CaseCommand>(json, DomainJson.Strict);

        Assert.Equal(new FireReminder { Kind = Kind.Review, DeadlineId = 0, Step = Overdue, DueOn = D(2025, 2, 7) }, command);
        Assert.Equal(json, JsonSerializer.Serialize(command, DomainJson.Storage));
    }

    [Fact]
    public void A_recompute_command_is_read_by_its_action()
    {
        Assert.IsType<RecomputeDeadlines>(JsonSerializer.Deserialize<CaseCommand>("""{"action":"recomputeDeadlines"}""", DomainJson.Strict));
    }

    [Theory]
    [InlineData("""{"action":"fireReminder","kind":"review","step":"overdue","dueOn":"2025-02-07"}""")]
    [InlineData("""{"action":"fireReminder","kind":"review","deadlineId":0,"dueOn":"2025-02-07"}""")]
    [InlineData("""{"action":"fireReminder","kind":"review","deadlineId":0,"step":2,"dueOn":"2025-02-07"}""")]
    [InlineData("""{"action":"fireReminder","kind":"review","deadlineId":0,"step":"overdue"}""")]
    public void A_fire_reminder_command_missing_a_field_or_with_a_numeric_step_is_not_read(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseCommand>(json, DomainJson.Strict));
    }

    [Fact]
    public void A_fired_overdue_step_carries_the_event_of_its_consequence()
    {
        var @event = Given.CaseReceivedOn(D(2025, 1, 24)).Fired(Kind.Review, Overdue).Events[^1];

        var json = JsonSerializer.Serialize(@event, DomainJson.Storage);
        var node = JsonNode.Parse(json)!;

        Assert.Equal("reminderFired", (string)node["type"]!);
        Assert.Equal(("review", 0, "overdue", "2025-02-07", "2025-02-08"), ((string)node["kind"]!, (int)node["deadlineId"]!, (string)node["step"]!, (string)node["dueOn"]!, (string)node["firedOn"]!));
        Assert.Equal("""["applicant","caseOfficers"]""", node["audiences"]!.ToJsonString());
        Assert.Equal("acceptedByOperationOfLaw", (string)node["consequence"]!);
        Assert.Equal("applicationAccepted", (string)node["consequenceEvent"]!["type"]!);
        Assert.Equal("2025-02-07", (string)node["consequenceEvent"]!["acceptedOn"]!);

        var read = Assert.IsType<ReminderFired>(JsonSerializer.Deserialize<CaseEvent>(json, DomainJson.Strict));
        Assert.Equal(json, JsonSerializer.Serialize<CaseEvent>(read, DomainJson.Storage));
        Assert.Equal(((ReminderFired)@event).ConsequenceEvent, read.ConsequenceEvent);
    }

    [Fact]
    public void A_warning_has_no_consequence_in_its_JSON()
    {
        var json = JsonSerializer.Serialize(Given.CaseReceivedOn(D(2025, 1, 24)).Fired(Kind.Review, AdvanceWarning).Events[^1], DomainJson.Storage);

        Assert.DoesNotContain("consequence", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recomputation_lists_its_changes()
    {
        var @event = Given.CaseReceivedOn(D(2026, 12, 31)).Using(WithHypothetical2027).Then(new RecomputeDeadlines()).Events[^1];

        var json = JsonSerializer.Serialize(@event, DomainJson.Storage);

        Assert.Equal(
            """{"type":"deadlinesRecomputed","recomputedOn":"2026-12-31","changes":[{"deadlineId":0,"kind":"review","previousDueOn":"2027-01-07","dueOn":"2027-01-08","wasProvisional":true,"provisional":false}]}""",
            json);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<CaseEvent>(json, DomainJson.Strict), DomainJson.Storage));
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("strict")]
    public void The_fired_reminders_and_the_overdue_flag_survive_a_round_trip(string options)
    {
        var serializer = options == "strict" ? DomainJson.Strict : DomainJson.Storage;
        var state = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7)).Accepted().On(D(2025, 2, 10)).RespondentHeard()
            .Fired(Kind.Decision, AdvanceWarning).Fired(Kind.Decision, Overdue).State;

        var json = JsonSerializer.Serialize(state, serializer);
        var read = JsonSerializer.Deserialize<ReconsiderationCase>(json, serializer)!;

        Assert.True(read.DecisionOverdue);
        Assert.Equal(state.FiredReminders, read.FiredReminders);
        Assert.Contains("\"firedReminders\":[{\"deadlineId\":2,\"kind\":\"decision\",\"step\":\"advanceWarning\",\"dueOn\":\"2025-04-08\",\"firedOn\":\"2025-04-02\"}", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(read, serializer));
    }

    [Fact]
    public void A_snapshot_stored_before_reminders_existed_reads_with_none_fired()
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(CaseStates.Named("copySent").State, DomainJson.Storage))!.AsObject();
        node.Remove("firedReminders");
        node.Remove("decisionOverdue");

        var read = JsonSerializer.Deserialize<ReconsiderationCase>(node.ToJsonString(), DomainJson.Storage)!;

        Assert.Empty(read.FiredReminders);
        Assert.False(read.DecisionOverdue);
    }

    [Fact]
    public void A_scheduled_reminder_survives_a_round_trip()
    {
        var reminder = Given.CaseReceivedOn(D(2025, 1, 24)).Scheduled(Kind.Review, Overdue);

        var json = JsonSerializer.Serialize(reminder, DomainJson.Storage);

        Assert.Equal(
            """{"caseId":"FY-2025-0001","kind":"review","deadlineId":0,"step":"overdue","dueOn":"2025-02-07","on":"2025-02-08","fireAt":"2025-02-07T16:00:00+00:00","provisional":false}""",
            json);
        Assert.Equal(reminder, JsonSerializer.Deserialize<ScheduledReminder>(json, DomainJson.Strict));
    }
}
