using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>修改草稿: replace parts of the draft's text before it is approved; at least one part is given.</summary>
public sealed record ReviseDraft : InstrumentCommand
{
    public string? Title { get; init; }

    public string? Problems { get; init; }

    public string? Requirements { get; init; }

    /// <summary>Replaces the flaw kinds the instrument is about; a pattern notice keeps the kind of its pattern.</summary>
    public IReadOnlyList<FlawKind>? Flaws { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.ReviseDraft;
}
