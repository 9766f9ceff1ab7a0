using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>整改验收通过. A notice stops absorbing cases (<see cref="SupervisionInstrument.AbsorbsCases"/>).</summary>
public sealed record RectificationAccepted : InstrumentEvent
{
    public string? Opinion { get; init; }

    public required DateOnly AcceptedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.AcceptRectification;
}
