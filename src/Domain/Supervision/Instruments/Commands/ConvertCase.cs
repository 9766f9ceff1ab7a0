using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>转为行政执法监督程序: an officer turns what one case revealed into a supervision notice against the agency as a
/// whole (<see cref="SupervisionInstrument.ConvertCase"/>), whatever the case's own outcome: in the seed's Dadong example
/// the registration was upheld, yet the case showed a general gap in the agency's oversight.</summary>
public sealed record ConvertCase
{
    public required string Title { get; init; }

    public required string Problems { get; init; }

    public required string Requirements { get; init; }

    /// <summary>The flaw kinds the notice is about; later patterns of these kinds at the agency are absorbed by it.</summary>
    public IReadOnlyList<FlawKind> Flaws { get; init; } = [];
}
