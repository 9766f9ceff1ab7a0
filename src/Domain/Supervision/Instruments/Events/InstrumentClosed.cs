using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>办结.</summary>
public sealed record InstrumentClosed : InstrumentEvent
{
    public required DateOnly ClosedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.CloseInstrument;
}
