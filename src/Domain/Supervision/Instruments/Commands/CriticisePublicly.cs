using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>通报批评 (Art. 77): the overdue agency is criticised publicly.</summary>
public sealed record CriticisePublicly : InstrumentCommand
{
    public required string Summary { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.CriticisePublicly;
}
