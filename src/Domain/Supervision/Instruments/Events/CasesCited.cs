using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>Further cases were cited by an open notice.</summary>
public sealed record CasesCited : InstrumentEvent
{
    public required IReadOnlyList<Citation> Citations { get; init; }

    public required DateOnly CitedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.CiteCases;
}
