using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// A pattern the finding completed or extended: the notice that now cites <see cref="Cited"/>. When
/// <see cref="DraftsNotice"/>, no notice was open for the flaw and <see cref="NoticeId"/> is a new one to draft
/// (<see cref="SupervisionInstrument.DraftNotice"/>) citing all of <see cref="Cited"/>; otherwise the open notice absorbs
/// them (<see cref="CiteCases"/>).
/// </summary>
public sealed record PatternMatch
{
    public required string NoticeId { get; init; }

    public required FlawKind FlawKind { get; init; }

    public required bool DraftsNotice { get; init; }

    /// <summary>The cases newly cited, in citation order.</summary>
    public required IReadOnlyList<Citation> Cited { get; init; }
}
