using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Supervision;

/// <summary>An instrument was drafted: by an officer from a case, by the agency's record from a pattern, or by converting a case.</summary>
public sealed record InstrumentDrafted : InstrumentEvent
{
    public required InstrumentKind Kind { get; init; }

    public required InstrumentOrigin Origin { get; init; }

    public required string AgencyId { get; init; }

    public required string AgencyName { get; init; }

    public required string AgencyRegionPath { get; init; }

    public required string IssuingBodyId { get; init; }

    public required string IssuingBodyRegionPath { get; init; }

    public required StatutoryPeriod RectificationPeriod { get; init; }

    public required IReadOnlyList<FlawKind> Flaws { get; init; }

    public required IReadOnlyList<Citation> Citations { get; init; }

    public required string Title { get; init; }

    public required string Problems { get; init; }

    public required string Requirements { get; init; }

    public required DateOnly DraftedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => Origin switch
    {
        InstrumentOrigin.CaseOpinion => InstrumentActionName.DraftOpinionLetter,
        InstrumentOrigin.Pattern => InstrumentActionName.DraftNotice,
        _ => InstrumentActionName.ConvertCase,
    };
}
