using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>审批并制发: the head approves the draft and it is issued under the next number of its series, which the grain draws
/// from the counter in the transaction that commits the issue.</summary>
public sealed record ApproveAndIssue : InstrumentCommand
{
    /// <summary>The head who approves; the grain sets it to the user who asks.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>Drawn by the grain in the issuing transaction; whatever a client sends is replaced.</summary>
    public DocumentNumber? Number { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.ApproveAndIssue;
}
