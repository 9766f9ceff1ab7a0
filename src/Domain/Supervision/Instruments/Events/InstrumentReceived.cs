using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>送达: the rectification period runs.</summary>
public sealed record InstrumentReceived : InstrumentEvent
{
    public required DateOnly ReceivedOn { get; init; }

    public required DateOnly RectificationDueOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.RecordReceipt;
}
