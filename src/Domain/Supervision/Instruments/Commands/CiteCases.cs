using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>System action: the agency's record absorbed further cases of the notice's pattern
/// (<see cref="PatternMatch.Cited"/>). A case already cited is not cited twice.</summary>
public sealed record CiteCases : InstrumentCommand
{
    public required IReadOnlyList<Citation> Citations { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.CiteCases;
}
