using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>审批并制发: the head approves the draft and it is issued under the next number of its series, which the grain draws
/// from the counter in the transaction that commits the issue.</summary>
public sealed record ApproveAndIssue : InstrumentCommand
{
    public required string ApprovedBy { get; init; }

    public required DocumentNumber Number { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.ApproveAndIssue;
}
