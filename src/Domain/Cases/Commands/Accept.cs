using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>受理 (Art. 30), choosing the procedure (Art. 36, 53).</summary>
public sealed record Accept : CaseCommand
{
    public required CaseProcedure Procedure { get; init; }

    /// <summary>Required for the simplified procedure, and must fit the challenged act.</summary>
    public SimplifiedProcedureGround? SimplifiedGround { get; init; }

    /// <summary>重大、疑难、复杂: requires a hearing and the committee's opinion before the decision (Art. 50, 52).</summary>
    public bool IsMajor { get; init; }

    /// <summary>The justified reason (正当理由) why an application received after the filing period is accepted (Art. 20(2)).</summary>
    public string? JustifiedDelay { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Accept;
}
