using CaseGrains.Domain.Access;
using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Time;

namespace CaseGrains.Grains.Tests.Support;

/// <summary>Applications, commands and people from the Liaoning demo directory, as the scenarios use them.</summary>
public static class Samples
{
    /// <summary>大东区交警代收点: receives for the Dadong district body.</summary>
    public const string DadongTrafficIntake = "I-R210104-TRAFFIC";

    /// <summary>朝阳县大平房镇服务点: receives for the Chaoyang county body, far from Yingkou.</summary>
    public const string DapingfangServicePoint = "I-R211321101-SP";

    /// <summary>营口市市场监督管理局: a city agency, so the Yingkou city government is competent.</summary>
    public const string YingkouMarketRegulator = "A-R210800-SAMR";

    public const string YingkouBody = "B-R210800";

    public const string ChaoyangCountyBody = "B-R211321";

    private const string DadongPath = "/R210000/R210100/R210104/";

    /// <summary>Staff of the Dadong body: they receive at its intake points and carry the procedure.</summary>
    public static readonly Principal Clerk = new("u-clerk", LiaoningDemo.DadongBody, Role.CaseOfficer, DadongPath);

    public static readonly Principal Reviewer = new("u-reviewer", LiaoningDemo.DadongBody, Role.CaseOfficer, DadongPath);

    /// <summary>The head of the Dadong body, who approves decisions (Art. 62).</summary>
    public static readonly Principal Head = new("u-head", LiaoningDemo.DadongBody, Role.BodyHead, DadongPath);

    /// <summary>The intake clerk of an intake point anywhere in the province (scope: what that point received).</summary>
    public static Principal IntakeClerkAt(string intakePointId) => new("u-intake", intakePointId, Role.IntakeClerk, "/R210000/");

    /// <summary>Personal data is encrypted at rest; every test silo uses this key.</summary>
    public static string PersonalDataKey { get; } = CaseGrains.Grains.PersonalData.PersonalDataKey.Generate().ToBase64();

    /// <summary>A case id the deadline scheduler routes to a case (<c>RC-</c>, <see cref="Scheduling.DeadlineSubjects.CasePrefix"/>).</summary>
    public static string NewCaseId() => "RC-" + Guid.NewGuid().ToString("N")[..16];

    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    /// <summary>A timely application against a 2,000-yuan traffic fine by the Dadong brigade, made ten days ago.</summary>
    public static ReceiveApplication TrafficFine(
        string intakePointId = DadongTrafficIntake, string agencyId = LiaoningDemo.DadongTrafficBrigade) => new()
    {
        Applicant = new() { Kind = ApplicantKind.Person, Name = "张三", IdNumber = "210104199003071236", Phone = "13800000000" },
        RespondentAgencyId = agencyId,
        ChallengedAct = new()
        {
            Description = "沈公交罚字〔2026〕第001号行政处罚决定",
            ActOn = Today.AddDays(-10),
            KnownOn = Today.AddDays(-10),
            PenaltyKind = PenaltyKind.Fine,
            AmountYuan = 2_000m,
        },
        Claims = "撤销该行政处罚决定",
        Channel = ApplicationChannel.TrafficPoliceCollectionPoint,
        IntakePointId = intakePointId,
    };

    /// <summary><see cref="TrafficFine"/> made ten days before <paramref name="clock"/>'s today, so that it is in time
    /// whatever day a test has moved the clock to.</summary>
    public static ReceiveApplication TrafficFineOnTheClock(TimeProvider clock)
    {
        var application = TrafficFine();
        var actOn = ChinaTime.Today(clock).AddDays(-10);
        return application with { ChallengedAct = application.ChallengedAct with { ActOn = actOn, KnownOn = actOn } };
    }

    public static Accept AcceptOrdinary => new() { Procedure = CaseProcedure.Ordinary };

    public static Accept AcceptSimplified => new() { Procedure = CaseProcedure.Simplified, SimplifiedGround = SimplifiedProcedureGround.SmallAmount };

    public static Decide Uphold => new()
    {
        Type = DecisionType.Uphold,
        LegalBasis = "《中华人民共和国行政复议法》第六十八条",
        Summary = "认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当",
        ApprovedBy = "李主任",
    };

    /// <summary>After receipt, the ordinary walk to a closed case, each step by the person who does it.</summary>
    public static IReadOnlyList<(CaseCommand Command, Principal Actor)> OrdinaryWalkToClosing =>
    [
        (AcceptOrdinary, Reviewer),
        (new SendCopyToRespondent(), Clerk),
        (new RecordReply(), Clerk),
        (Uphold, Head),
        (new Close { Reason = "决定书已送达" }, Clerk),
    ];

    public static CommandMetadata By(Principal actor, string? key = null, string? hash = null, long? expectedVersion = null) =>
        new(actor, key, hash, expectedVersion);

    /// <summary>A valid 2027 arrangement: New Year's Day off, and one Saturday worked.</summary>
    public static HolidayYear Year2027 => new(
        2027,
        [new(new DateOnly(2027, 1, 1), "元旦")],
        [new(new DateOnly(2027, 2, 6), "春节")]);
}
