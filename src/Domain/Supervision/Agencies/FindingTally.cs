using System.Collections.Immutable;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// The counts an agency's record answers from without walking its findings: corrections per flaw kind, corrections, and
/// the two parts of the correction rate. Kept up to date finding by finding (a replaced finding is taken out before its
/// successor goes in), so that recording a finding and reading the profile cost the same however many findings there are.
/// </summary>
internal sealed record FindingTally
{
    public static FindingTally Empty { get; } = new();

    public ImmutableSortedDictionary<FlawKind, int> Flaws { get; private init; } = ImmutableSortedDictionary<FlawKind, int>.Empty;

    public int Corrections { get; private init; }

    public int Reconsiderations { get; private init; }

    public int ReconsiderationCorrections { get; private init; }

    public static FindingTally Of(IEnumerable<AgencyFinding> findings) => findings.Aggregate(Empty, (tally, f) => tally.Replace(null, f));

    /// <summary>The tally once <paramref name="earlier"/> (when there was one) gave way to <paramref name="later"/>.</summary>
    public FindingTally Replace(AgencyFinding? earlier, AgencyFinding later) =>
        (earlier is null ? this : Counted(earlier, -1)).Counted(later, +1);

    private FindingTally Counted(AgencyFinding finding, int sign)
    {
        var flaws = Flaws;
        if (finding.IsCorrection)
        {
            foreach (var flaw in finding.Flaws)
            {
                var count = flaws.GetValueOrDefault(flaw) + sign;
                flaws = count == 0 ? flaws.Remove(flaw) : flaws.SetItem(flaw, count);
            }
        }

        var correction = finding.IsCorrection ? sign : 0;
        var reconsideration = finding.IsReconsideration ? sign : 0;
        return new FindingTally
        {
            Flaws = flaws,
            Corrections = Corrections + correction,
            Reconsiderations = Reconsiderations + reconsideration,
            ReconsiderationCorrections = ReconsiderationCorrections + (finding.IsReconsideration ? correction : 0),
        };
    }
}
