namespace CaseGrains.Domain.Cases;

/// <summary>The switch from the simplified to the ordinary procedure, approved by the head of the body (Art. 55).</summary>
public sealed record ProcedureSwitch
{
    public required string ApprovedBy { get; init; }

    public required DateOnly SwitchedOn { get; init; }
}
