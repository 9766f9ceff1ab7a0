using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>通报批评 (Art. 77).</summary>
public sealed record PubliclyCriticised : InstrumentEvent
{
    public required string Summary { get; init; }

    public required DateOnly CriticisedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.CriticisePublicly;
}
