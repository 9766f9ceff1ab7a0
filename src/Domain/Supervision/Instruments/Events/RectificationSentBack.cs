using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>退回重报.</summary>
public sealed record RectificationSentBack : InstrumentEvent
{
    public required string Reason { get; init; }

    public required DateOnly SentBackOn { get; init; }

    public required DateOnly ResubmitDueOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.SendBackRectification;
}
