using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>办结: the accepted rectification is filed and the instrument closed.</summary>
public sealed record CloseInstrument : InstrumentCommand
{
    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.CloseInstrument;
}
