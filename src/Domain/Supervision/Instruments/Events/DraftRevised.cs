using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>The draft's text was revised; the parts not given are unchanged.</summary>
public sealed record DraftRevised : InstrumentEvent
{
    public string? Title { get; init; }

    public string? Problems { get; init; }

    public string? Requirements { get; init; }

    public IReadOnlyList<FlawKind>? Flaws { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.ReviseDraft;
}
