using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Serialization;
using CaseGrains.Domain.Tests.Calendar;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class SerializationTests
{
    /// <summary>A case that went through nearly every step, then given the outcomes it could not have had together,
    /// so that every part of the state is populated.</summary>
    private static CaseBuilder EveryStep() =>
        Given.CaseReceivedOn(D(2025, 1, 24), a => a with
        {
            Applicant = a.Applicant with { Address = "沈阳市浑南区创新路1号" },
            ChallengedAct = a.ChallengedAct with { MadeOnTheSpot = true, InvolvesRealEstate = false, InformedOfRight = false },
            EnterpriseRelated = true,
        })
        .On(D(2025, 1, 27)).CorrectionRequested()
        .On(D(2025, 2, 5)).Then(new SubmitCorrection())
        .On(D(2025, 2, 10)).Then(new Accept { Procedure = CaseProcedure.Simplified, SimplifiedGround = SimplifiedProcedureGround.SmallAmount, JustifiedDelay = "无" })
        .On(D(2025, 2, 11)).Then(new SwitchToOrdinary { ApprovedBy = "李主任" }).CopySent()
        .On(D(2025, 2, 14)).Then(new RecordReply())
        .On(D(2025, 2, 17)).Then(new RequestCommitteeConsultation()).HearingScheduledFor(D(2025, 3, 3))
        .On(D(2025, 2, 18)).Then(new SendHearingNotice())
        .On(D(2025, 2, 20)).MediationStarted()
        .On(D(2025, 2, 21)).Then(new RecordMediationFailure())
        .On(D(2025, 2, 24)).Suspended(SuspensionGround.ForceMajeure)
        .On(D(2025, 3, 1)).Then(new Resume())
        .On(D(2025, 3, 3)).Then(new HoldHearing { Summary = "双方到场" })
        .On(D(2025, 3, 4)).Then(new RecordCommitteeOpinion { Opinion = "建议撤销" })
        .On(D(2025, 3, 5)).Then(new Extend { Days = 20, ApprovedBy = "李主任" })
        .On(D(2025, 3, 10)).Then(Decisions.Of(DecisionType.Annul, orderNewAct: true) with { Findings = [FlawKind.Facts, FlawKind.Procedure] })
        .On(D(2025, 3, 11)).Then(new RecordPostDecisionQa { Summary = "向申请人解释决定" })
        .On(D(2025, 3, 12)).Then(new Close());

    private static ReconsiderationCase FullyPopulated() => EveryStep().State with
    {
        ApplicantUserId = "u-applicant-1",
        NotAcceptance = new() { Ground = NotAcceptanceGround.WrongJurisdiction, Reasons = "管辖", CompetentBodyId = "RB-DALIAN", DecidedOn = D(2025, 2, 1) },
        PreFilingResolution = new() { Summary = "化解", ResolvedOn = D(2025, 2, 1) },
        Settlement = new() { Terms = "和解", SettledOn = D(2025, 2, 1) },
        Termination = new() { Ground = TerminationGround.SuspensionLapsed, Reason = "中止满六十日", TerminatedOn = D(2025, 2, 1) },
        Mediation = new() { StartedOn = D(2025, 2, 20), FailedOn = D(2025, 2, 21), AgreementTerms = "调解", AgreedOn = D(2025, 2, 22) },
        AcceptedByOperationOfLaw = true,
        NoReplyRecorded = true,
        IsMajor = true,
        DecisionOverdue = true,
        FiredReminders = [new() { DeadlineId = 5, Kind = DeadlineKind.Decision, Step = ReminderStep.AdvanceWarning, DueOn = D(2025, 4, 3), FiredOn = D(2025, 3, 31) }],
    };

    public static TheoryData<string> Options => ["storage", "strict"];

    private static JsonSerializerOptions OptionsNamed(string name) => name == "strict" ? DomainJson.Strict : DomainJson.Storage;

    [Theory]
    [MemberData(nameof(Options))]
    public void A_fully_populated_case_survives_a_round_trip(string options)
    {
        var json = JsonSerializer.Serialize(FullyPopulated(), OptionsNamed(options));

        var read = JsonSerializer.Deserialize<ReconsiderationCase>(json, OptionsNamed(options))!;

        Assert.Equal(json, JsonSerializer.Serialize(read, OptionsNamed(options)));
        Assert.Equal(FullyPopulated().AllowedActions(), read.AllowedActions());
    }

    [Fact]
    public void Every_part_of_the_state_is_populated_in_the_round_trip_case()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(FullyPopulated(), DomainJson.Storage));

        var written = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        var missing = typeof(ReconsiderationCase).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Where(n => !written.Contains(n));
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_kind_of_event_survives_a_round_trip_as_a_case_event()
    {
        var events = new[] { "resolvedBeforeFiling", "abandoned", "notAccepted", "mediated", "terminated" }
            .SelectMany(s => CaseStates.Named(s).Events)
            .Concat(EveryStep().Events)
            .Concat(CaseStates.Named("copySent").On(D(2025, 4, 1)).Then(new RecordNoReply()).Events)
            .Concat(CaseStates.Named("underReview").Then(new Settle { Terms = "和解" }).Events)
            .Concat(CaseStates.Named("underReview").Then(new Withdraw()).Events)
            .Concat(Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 10)).Then(new DeemAccepted()).Events)
            .Concat(Given.CaseReceivedOn(D(2025, 1, 24)).Fired(DeadlineKind.Review, ReminderStep.AdvanceWarning).Fired(DeadlineKind.Review, ReminderStep.Overdue).Events)
            .Concat(Given.CaseReceivedOn(D(2026, 12, 31)).Using(TestCalendars.WithHypothetical2027).Then(new RecomputeDeadlines()).Events)
            .ToList();

        foreach (var @event in events)
        {
            var json = JsonSerializer.Serialize(@event, DomainJson.Storage);
            var read = JsonSerializer.Deserialize<CaseEvent>(json, DomainJson.Strict)!;

            Assert.IsType(@event.GetType(), read);
            Assert.Equal(json, JsonSerializer.Serialize(read, DomainJson.Storage));
            Assert.StartsWith($$"""{"type":"{{Discriminator(@event.GetType())}}",""", json, StringComparison.Ordinal);
        }

        Assert.Equal(DerivedTypes<CaseEvent>().Select(t => t.Type.Name).Order(), events.Select(e => e.GetType().Name).Distinct().Order());
    }

    [Fact]
    public void An_event_names_the_action_that_produced_it_for_the_history()
    {
        var events = CaseStates.Named("closedAfterDecision").Events;

        Assert.Equal(
            [CaseActionName.ReceiveApplication, CaseActionName.Accept, CaseActionName.SendCopyToRespondent, CaseActionName.RecordReply, CaseActionName.Decide, CaseActionName.Close],
            events.Select(e => e.Action));
    }

    [Fact]
    public void Event_and_command_discriminators_are_the_camelCase_type_names()
    {
        Assert.All(DerivedTypes<CaseEvent>().Concat(DerivedTypes<CaseCommand>()), d => Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(d.Type.Name), d.Name));
    }

    [Fact]
    public void Every_action_but_receipt_is_a_command_whose_discriminator_is_the_action_name()
    {
        var commands = DerivedTypes<CaseCommand>().ToDictionary(d => d.Name, d => d.Type);

        Assert.Equal(Enum.GetValues<CaseActionName>().Length - 1, commands.Count);
        foreach (var command in SampleCommands.All.Concat(SampleCommands.System))
        {
            Assert.Equal(command.GetType(), commands[JsonNamingPolicy.CamelCase.ConvertName(command.Action.ToString())]);
        }
    }

    [Fact]
    public void A_command_is_read_by_its_action_wherever_the_discriminator_stands()
    {
        const string json = """{"days":20,"approvedBy":"李主任","action":"extend","reason":"案情复杂"}""";

        var command = JsonSerializer.Deserialize<CaseCommand>(json, DomainJson.Strict);

        Assert.Equal(new Extend { Days = 20, ApprovedBy = "李主任", Reason = "案情复杂" }, command);
    }

    [Theory]
    [InlineData("""{"action":"extend","days":20}""")]
    [InlineData("""{"action":"decide","type":"uphold","legalBasis":"x","summary":"y"}""")]
    [InlineData("""{"action":"requestCorrection"}""")]
    public void A_command_missing_a_required_field_is_not_read(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseCommand>(json, DomainJson.Strict));
    }

    [Fact]
    public void Every_sample_command_survives_a_round_trip()
    {
        foreach (var command in SampleCommands.All.Concat(SampleCommands.System))
        {
            var json = JsonSerializer.Serialize<CaseCommand>(command, DomainJson.Storage);

            Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<CaseCommand>(json, DomainJson.Strict), DomainJson.Storage));
        }
    }

    [Fact]
    public void An_application_is_read_from_JSON()
    {
        const string json = """
            {
              "applicant": { "kind": "enterprise", "name": "沈阳某某科技有限公司" },
              "respondentAgencyId": "AG-SY-TRAFFIC",
              "challengedAct": { "description": "罚款", "actOn": "2025-03-01", "knownOn": "2025-03-02", "amountYuan": 2000 },
              "claims": "撤销罚款",
              "channel": "greenChannel",
              "intakePointId": "IP-HUNNAN-TRAFFIC",
              "enterpriseRelated": true
            }
            """;

        var application = JsonSerializer.Deserialize<ReceiveApplication>(json, DomainJson.Strict)!;

        Assert.Equal((ApplicantKind.Enterprise, ApplicationChannel.GreenChannel, true, null), (application.Applicant.Kind, application.Channel, application.ChallengedAct.InformedOfRight, application.ReceivedOn));
    }

    private static string Discriminator(Type type) => DerivedTypes<CaseEvent>().Concat(DerivedTypes<CaseCommand>()).Single(d => d.Type == type).Name;

    private static IEnumerable<(Type Type, string Name)> DerivedTypes<TBase>() =>
        typeof(TBase).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (a.DerivedType, (string)a.TypeDiscriminator!));
}
