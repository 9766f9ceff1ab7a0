using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>制发: approved and issued under its number.</summary>
public sealed record InstrumentIssued : InstrumentEvent
{
    public required DocumentNumber Number { get; init; }

    public required string ApprovedBy { get; init; }

    public required DateOnly IssuedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.ApproveAndIssue;
}
