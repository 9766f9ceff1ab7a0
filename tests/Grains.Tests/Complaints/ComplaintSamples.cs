using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Complaints;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Organisations.Demo;

namespace CaseGrains.Grains.Tests.Complaints;

/// <summary>Complaints about the Dadong traffic brigade and the people of the supervision offices who handle and watch them.</summary>
public static class ComplaintSamples
{
    public const string DadongOffice = "S-R210104";

    /// <summary>大东区司法局: supervises Dadong, so it handles complaints about Dadong's agencies.</summary>
    public static readonly Principal DadongSupervisor = new("u-sup-dadong", DadongOffice, Role.Supervisor, "/R210000/R210100/R210104/");

    /// <summary>沈阳市司法局: watches Dadong's complaints from above, without handling them.</summary>
    public static readonly Principal ShenyangSupervisor = new("u-sup-shenyang", "S-R210100", Role.Supervisor, "/R210000/R210100/");

    /// <summary>营口市司法局: another city; Dadong's complaints are none of its business.</summary>
    public static readonly Principal YingkouSupervisor = new("u-sup-yingkou", "S-R210800", Role.Supervisor, "/R210000/R210800/");

    public static readonly Principal BrigadeStaff = new("u-brigade", LiaoningDemo.DadongTrafficBrigade, Role.AgencyStaff, "/R210000/R210100/R210104/");

    public static string NewId() => "CP-" + Guid.NewGuid().ToString("N")[..16];

    public static ReceiveComplaint AboutTheBrigade(DateOnly? receivedOn = null) => new()
    {
        Kind = ComplaintKind.Complaint,
        Complainant = new() { Name = "王五", Phone = "13912345678" },
        AgencyId = LiaoningDemo.DadongTrafficBrigade,
        Conduct = "执法人员未出示执法证件即作出罚款决定",
        ReceivedOn = receivedOn,
    };

    public static HandleComplaint Substantiated => new()
    {
        Substantiated = true,
        Flaws = [FlawKind.Procedure],
        CorrectiveAction = "责令撤销该罚款决定并重新作出",
        LegalBasis = "《中华人民共和国行政处罚法》第五十五条",
        Summary = "执法人员未出示执法证件，程序违法",
        Reason = "经调取执法记录仪视频核实",
    };

    public static CommandMetadata By(Principal who, string? key = null, string? hash = null, long? expectedVersion = null) => new(who, key, hash, expectedVersion);

    public static ComplaintView Succeeded(this ComplaintResult result)
    {
        Assert.True(result.Failure is null, $"expected success, got {result.Failure?.Kind} {result.Failure?.Code}: {result.Failure?.Detail}");
        return Assert.IsType<ComplaintView>(result.Complaint);
    }

    public static CaseFailure Failed(this ComplaintResult result, CaseFailureKind kind)
    {
        Assert.Null(result.Complaint);
        var failure = Assert.IsType<CaseFailure>(result.Failure);
        Assert.Equal(kind, failure.Kind);
        return failure;
    }
}
