using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// A supervision notice as the agency's record knows it: what it is about, which cases it cites, and whether it still
/// absorbs new cases with its flaws. The notice's own lifecycle lives in its <see cref="SupervisionInstrument"/>; the
/// record only learns that the notice stopped absorbing (<see cref="RecordNoticeFinished"/>).
/// </summary>
public sealed record AgencyNotice
{
    /// <summary>The <see cref="SupervisionInstrument.Id"/> of the notice.</summary>
    public required string Id { get; init; }

    /// <summary><see cref="InstrumentOrigin.Pattern"/> or <see cref="InstrumentOrigin.CaseConversion"/>.</summary>
    public required InstrumentOrigin Origin { get; init; }

    /// <summary>The flaw kinds whose new cases the notice absorbs while it is open: one for a pattern notice.</summary>
    public required IReadOnlyList<FlawKind> Flaws { get; init; }

    /// <summary>The cases it cites, in citation order (day of the finding, then case id).</summary>
    public required IReadOnlyList<string> CitedCaseIds { get; init; }

    public required DateOnly DraftedOn { get; init; }

    /// <summary>The day the notice stopped absorbing: its rectification was accepted, or it was discarded or closed.</summary>
    public DateOnly? FinishedOn { get; init; }

    [JsonIgnore]
    public bool IsOpen => FinishedOn is null;
}
