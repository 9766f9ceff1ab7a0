using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Domain.Tests.Supervision.Support;

/// <summary>The world of the supervision specifications: the Liaoning demo directory, the Dadong traffic-police brigade
/// as the supervised agency, and findings made to order.</summary>
internal static class SupervisionFixture
{
    public static readonly RegionTree Regions = new(LiaoningDemo.Regions);

    public static readonly Organisation Agency = LiaoningDemo.Organisations.Single(o => o.Id == LiaoningDemo.DadongTrafficBrigade);

    /// <summary>/R210000/R210100/R210104/.</summary>
    public static readonly string AgencyPath = Regions.PathOf(Agency.RegionId);

    /// <summary>The Dadong district's reconsideration body, which issues opinion letters on cases against the brigade.</summary>
    public static readonly InstrumentIssuer DadongBody = new(LiaoningDemo.DadongBody, AgencyPath);

    /// <summary>The Dadong district justice bureau, which supervises the brigade and issues its notices.</summary>
    public static readonly InstrumentIssuer DadongOffice = new("S-" + LiaoningDemo.Dadong, AgencyPath);

    public static AgencyRecord EmptyRecord() => AgencyRecord.Open(Agency, AgencyPath);

    /// <summary>A decision of <paramref name="type"/> on <paramref name="on"/>: with <paramref name="flaws"/> (procedure when
    /// none are given) exactly when it corrects the act.</summary>
    public static AgencyFinding Decided(string caseId, DateOnly on, DecisionType type = DecisionType.Annul, params FlawKind[] flaws) => new()
    {
        Source = FindingSource.Decision,
        CaseId = caseId,
        AgencyId = Agency.Id,
        FoundOn = on,
        DecisionType = type,
        Flaws = type.IsCorrection ? (flaws.Length == 0 ? [FlawKind.Procedure] : flaws) : [],
        LegalBasis = "《中华人民共和国行政复议法》第六十四条",
        SourceVersion = 5,
    };

    public static AgencyFinding Corrected(string caseId, DateOnly on, params FlawKind[] flaws) => Decided(caseId, on, DecisionType.Annul, flaws);

    public static AgencyFinding Complaint(string complaintId, DateOnly on, params FlawKind[] flaws) => new()
    {
        Source = FindingSource.Complaint,
        CaseId = complaintId,
        AgencyId = Agency.Id,
        FoundOn = on,
        Flaws = flaws.Length == 0 ? [FlawKind.Procedure] : flaws,
        LegalBasis = "《辽宁省行政执法监督规定》",
        SourceVersion = 4,
    };
}
