using CaseGrains.Abstractions;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations.Demo;

namespace CaseGrains.Bench.Transitions;

/// <summary>
/// The work of the transition scenarios: a case walked from receipt to closing, as in the README's walk. A clerk-free
/// receipt by the Dadong district body's case officer at its own hall, then accept (ordinary), send the copy to the
/// respondent, record its reply, the head's decision, and closing: six actions, each one commit.
/// </summary>
public static class CaseWalk
{
    public const string BodyId = "B-R210104";
    public const string HallId = "I-R210104-HALL";
    public const string OfficerId = "officer-bench";
    public const string HeadId = "head-bench";

    /// <summary>Actions in one walk, receipt included.</summary>
    public static int Actions => Steps.Count + 1;

    /// <summary>The enforcement agencies the Dadong body is competent for; the walk's cases go against the first unless a
    /// scenario spreads them (<c>transitions-http --agencies</c>).</summary>
    public static IReadOnlyList<string> Agencies { get; } = [LiaoningDemo.DadongTrafficBrigade, "A-R210104-URBAN", LiaoningDemo.WanquanStreetOffice];

    /// <summary>The application against <paramref name="respondentAgencyId"/> (the first of <see cref="Agencies"/> by
    /// default), with an ID and phone number (encrypted at rest like any other).</summary>
    public static ReceiveApplication Application(DateOnly today, string? respondentAgencyId = null) => new()
    {
        Applicant = new Applicant { Kind = ApplicantKind.Person, Name = "张三", IdNumber = "210102199003074514", Phone = "13812345678" },
        RespondentAgencyId = respondentAgencyId ?? Agencies[0],
        ChallengedAct = new ChallengedAct
        {
            Description = "罚款200元", ActOn = today.AddDays(-10), KnownOn = today.AddDays(-10), PenaltyKind = PenaltyKind.Fine, AmountYuan = 200,
        },
        Claims = "撤销该罚款决定",
        Channel = ApplicationChannel.Hall,
        IntakePointId = HallId,
    };

    /// <summary>The actions after receipt, each with the role that takes it.</summary>
    public static IReadOnlyList<(Role Role, CaseCommand Command)> Steps { get; } =
    [
        (Role.CaseOfficer, new Accept { Procedure = CaseProcedure.Ordinary, Reason = "材料齐全，符合受理条件" }),
        (Role.CaseOfficer, new SendCopyToRespondent()),
        (Role.CaseOfficer, new RecordReply()),
        (Role.BodyHead, new Decide
        {
            Type = DecisionType.Annul, Findings = [FlawKind.Procedure], LegalBasis = "《行政复议法》第六十四条", Summary = "未告知陈述申辩权利，程序违法",
            ApprovedBy = HeadId,
        }),
        (Role.CaseOfficer, new Close()),
    ];

    /// <summary>The walk's actions by name, receipt first: the labels of the latencies by action.</summary>
    public static IReadOnlyList<string> ActionNames { get; } = ["receiveApplication", .. Steps.Select(s => EnumNames.Of(s.Command.Action))];

    /// <summary>A latency record per action of the walk (<see cref="ActionNames"/>).</summary>
    public static Load.Latencies[] LatenciesByAction() => [.. ActionNames.Select(_ => new Load.Latencies())];
}
