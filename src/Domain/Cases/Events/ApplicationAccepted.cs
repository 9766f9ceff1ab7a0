using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>受理, by the body or by operation of law (视为受理, Art. 30); the copy and decision periods start.</summary>
public sealed record ApplicationAccepted : CaseEvent
{
    public required DateOnly AcceptedOn { get; init; }

    public required bool ByOperationOfLaw { get; init; }

    public required CaseProcedure Procedure { get; init; }

    public SimplifiedProcedureGround? SimplifiedGround { get; init; }

    public required bool IsMajor { get; init; }

    public string? JustifiedDelay { get; init; }

    public required DateOnly CopyDueOn { get; init; }

    public required DateOnly DecisionDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => ByOperationOfLaw ? CaseActionName.DeemAccepted : CaseActionName.Accept;
}
