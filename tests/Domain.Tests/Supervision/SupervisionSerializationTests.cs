using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Supervision.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using static CaseGrains.Domain.Tests.Supervision.Support.Instruments;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>The JSON the grains will store: snapshots of records and instruments, history payloads, messages.</summary>
public sealed class SupervisionSerializationTests
{
    /// <summary>An instrument that went through every step, so that every event kind is produced and every part of the
    /// state is populated.</summary>
    private static InstrumentBuilder EveryStep() =>
        ReceivedNotice()
            .Then(new CiteCases { Citations = [new Citation { CaseId = "RC-9" }] })
            .Fired(DeadlineKind.Rectification, ReminderStep.Overdue)
            .On(D(2025, 6, 13)).Then(new OrderCompliance { ComplyBy = D(2025, 6, 30) })
            .Then(new SummonHead { Summary = "约谈" }).Then(new CriticisePublicly { Summary = "通报批评" })
            .On(D(2025, 6, 20)).Reported()
            .Then(new SendBackRectification { Reason = "不全", ResubmitBy = D(2025, 7, 1) })
            .On(D(2025, 6, 30)).Reported("补充材料").Then(new AcceptRectification { Opinion = "整改到位" })
            .Then(new CloseInstrument());

    private static SupervisionInstrument FullyPopulated() => EveryStep().State with { DiscardedOn = D(2025, 5, 7), DiscardReason = "试" };

    public static TheoryData<string> Options => ["storage", "strict"];

    private static JsonSerializerOptions OptionsNamed(string name) => name == "strict" ? DomainJson.Strict : DomainJson.Storage;

    [Theory]
    [MemberData(nameof(Options))]
    public void A_fully_populated_instrument_survives_a_round_trip(string options)
    {
        var json = JsonSerializer.Serialize(FullyPopulated(), OptionsNamed(options));

        var read = JsonSerializer.Deserialize<SupervisionInstrument>(json, OptionsNamed(options))!;

        Assert.Equal(json, JsonSerializer.Serialize(read, OptionsNamed(options)));
        Assert.Equal(FullyPopulated().AllowedActions(), read.AllowedActions());
        Assert.Contains("\"status\":\"closed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"supervisionNotice\"", json, StringComparison.Ordinal);
        Assert.Contains("整改到位", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_part_of_the_instrument_is_populated_in_the_round_trip_instrument()
    {
        AssertEveryPropertyWritten(FullyPopulated());
    }

    [Fact]
    public void A_record_with_findings_and_notices_survives_a_round_trip()
    {
        var record = AgencyWithPattern()
            .Recorded(SupervisionFixture.Decided("RC-4", D(2025, 5, 6), DecisionType.Uphold), SupervisionFixture.Complaint("TS-5", D(2025, 5, 6)))
            .Then(new RecordNoticeFinished { NoticeId = "SN-A-R210104-TRAFFIC-procedure-1" }).State;

        var json = JsonSerializer.Serialize(record, DomainJson.Storage);
        var read = JsonSerializer.Deserialize<AgencyRecord>(json, DomainJson.Strict)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, DomainJson.Storage));
        Assert.Equal(record.CorrectionRate(), read.CorrectionRate());
        Assert.Equal(record.FlawCounts(), read.FlawCounts());
        Assert.Contains("\"source\":\"complaint\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isCorrection", json, StringComparison.Ordinal);
        AssertEveryPropertyWritten(record);
    }

    [Fact]
    public void Every_kind_of_instrument_event_survives_a_round_trip()
    {
        var events = EveryStep().Events
            .Concat(OpinionLetter().Then(new ReviseDraft { Title = "新" }).Then(new DiscardDraft { Reason = "无需" }).Events)
            .Concat(PatternNotice().On(D(2025, 5, 8)).Issued().Events)
            .ToList();

        AssertRoundTrips<InstrumentEvent>(events, "type");
    }

    [Fact]
    public void Every_kind_of_agency_event_survives_a_round_trip()
    {
        var events = AgencyWithPattern().Recorded(SupervisionFixture.Corrected("RC-4", D(2025, 5, 6)))
            .Then(new TrackNotice { NoticeId = "SN-CONV-1", CaseIds = ["RC-0"] })
            .Then(new RecordNoticeFinished { NoticeId = "SN-CONV-1" }).Events;

        AssertRoundTrips<AgencyEvent>(events, "type");
    }

    [Fact]
    public void Every_instrument_and_agency_command_survives_a_round_trip_under_its_action_name()
    {
        InstrumentCommand[] system =
        [
            new CiteCases { Citations = [Citation.Of(SupervisionFixture.Corrected("RC-1", D(2025, 3, 3)))] },
            new FireInstrumentReminder { Kind = DeadlineKind.Rectification, DeadlineId = 0, Step = ReminderStep.Overdue, DueOn = D(2025, 6, 11) },
        ];
        var instrumentCommands = SampleInstrumentCommands.All.Concat(system).ToList();
        AgencyCommand[] agencyCommands =
        [
            new RecordFinding { Finding = SupervisionFixture.Corrected("RC-1", D(2025, 3, 3)) },
            new TrackNotice { NoticeId = "SN-CONV-1", Flaws = [FlawKind.Inaction], CaseIds = ["RC-0"] },
            new RecordNoticeFinished { NoticeId = "SN-CONV-1" },
        ];

        AssertRoundTrips<InstrumentCommand>(instrumentCommands, "action");
        AssertRoundTrips<AgencyCommand>(agencyCommands, "action");
        Assert.All(instrumentCommands, c => Assert.Equal(Camel(c.Action.ToString()), Discriminator<InstrumentCommand>(c.GetType())));
        Assert.All(agencyCommands, c => Assert.Equal(Camel(c.Action.ToString()), Discriminator<AgencyCommand>(c.GetType())));
        Assert.Equal(Enum.GetValues<InstrumentActionName>().Length - 3, DerivedTypes<InstrumentCommand>().Count());
        Assert.Equal(Enum.GetValues<AgencyActionName>().Length, DerivedTypes<AgencyCommand>().Count());
    }

    [Fact]
    public void A_report_is_read_from_the_JSON_a_client_sends()
    {
        const string json = """
            {"action":"reportRectification","text":"已整改","attachments":[
              {"name":"纪要.pdf","sizeBytes":1024,"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","mediaType":"application/pdf"}]}
            """;

        var command = Assert.IsType<ReportRectification>(JsonSerializer.Deserialize<InstrumentCommand>(json, DomainJson.Strict));

        Assert.Equal(("纪要.pdf", 1024L), (command.Attachments[0].Name, command.Attachments[0].SizeBytes));
    }

    [Fact]
    public void An_approval_is_read_without_a_number_which_the_grain_draws_in_the_issuing_transaction()
    {
        var command = Assert.IsType<ApproveAndIssue>(JsonSerializer.Deserialize<InstrumentCommand>("""{"action":"approveAndIssue","reason":"同意"}""", DomainJson.Strict));

        Assert.Null(command.Number);
    }

    [Theory]
    [InlineData("""{"action":"orderCompliance","reason":"逾期"}""")]
    [InlineData("""{"action":"sendBackRectification","reason":"不全"}""")]
    [InlineData("""{"action":"reportRectification","text":"已整改","attachments":[{"name":"a.pdf","sizeBytes":1,"sha256":"a"}]}""")]
    [InlineData("""{"action":"reportRectification","text":"已整改","bytes":"AAAA"}""")]
    public void A_command_missing_a_required_field_or_carrying_an_unknown_one_is_not_read(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InstrumentCommand>(json, DomainJson.Strict));
    }

    internal static void AssertRoundTrips<TBase>(IEnumerable<TBase> values, string discriminator)
    {
        var list = values.ToList();
        foreach (var value in list)
        {
            var json = JsonSerializer.Serialize(value, DomainJson.Storage);
            var read = JsonSerializer.Deserialize<TBase>(json, DomainJson.Strict)!;

            Assert.IsType(value!.GetType(), read);
            Assert.Equal(json, JsonSerializer.Serialize(read, DomainJson.Storage));
            var first = $"{{\"{discriminator}\":\"{Discriminator<TBase>(value.GetType())}\"";
            Assert.True(json.StartsWith(first + ",", StringComparison.Ordinal) || json == first + "}", $"{json} does not start with {first}.");
        }

        if (discriminator == "type")
        {
            Assert.Equal(DerivedTypes<TBase>().Select(t => t.Type.Name).Order(), list.Select(e => e!.GetType().Name).Distinct().Order());
        }

        Assert.All(DerivedTypes<TBase>(), d => Assert.Equal(Camel(d.Type.Name), d.Name));
    }

    internal static void AssertEveryPropertyWritten<T>(T value)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(value, DomainJson.Storage));
        var written = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        var missing = typeof(T).GetProperties()
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => Camel(p.Name))
            .Where(n => !written.Contains(n));
        Assert.Empty(missing);
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Discriminator<TBase>(Type type) => DerivedTypes<TBase>().Single(d => d.Type == type).Name;

    private static IEnumerable<(Type Type, string Name)> DerivedTypes<TBase>() =>
        typeof(TBase).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (a.DerivedType, (string)a.TypeDiscriminator!));
}
