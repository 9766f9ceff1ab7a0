using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// The detection itself, a pure function of a set of findings: which corrected findings of one flaw kind form a pattern
/// with a given one. The union over all windows that contain the finding is what makes the result independent of the
/// order findings arrive in: every qualifying window is complete when its last member arrives, and is then cited whole.
/// </summary>
internal static class PatternWindows
{
    /// <summary>
    /// Every finding of <paramref name="candidates"/> (corrections with the flaw) that shares with <paramref name="found"/>
    /// a window of at most <see cref="PatternRule.WindowDays"/> days holding at least <see cref="PatternRule.Occurrences"/>
    /// of them, in citation order (day, then case id); empty when <paramref name="found"/> is in no such window.
    /// <paramref name="found"/> must be one of the candidates.
    /// </summary>
    public static IReadOnlyList<AgencyFinding> Around(IEnumerable<AgencyFinding> candidates, AgencyFinding found, PatternRule rule)
    {
        var sorted = InCitationOrder(candidates).ToList();
        var members = new HashSet<string>(StringComparer.Ordinal);

        // A qualifying window containing the finding lies inside the maximal window that starts at its earliest member,
        // and that one contains the finding too; so the union of those maximal windows is the answer. A window's end only
        // moves forward as its start does, and members already taken are not taken again, so an agency's hundreds of
        // findings on one day cost a walk over them, not a walk per start.
        var end = 0;
        var taken = -1;
        for (var start = 0; start < sorted.Count; start++)
        {
            var from = sorted[start].FoundOn;
            if (from > found.FoundOn)
            {
                break;
            }

            end = Math.Max(end, start);
            while (end + 1 < sorted.Count && sorted[end + 1].FoundOn.DayNumber - from.DayNumber <= rule.WindowDays)
            {
                end++;
            }

            if (found.FoundOn.DayNumber - from.DayNumber > rule.WindowDays || end - start + 1 < rule.Occurrences)
            {
                continue;
            }

            for (var i = Math.Max(start, taken + 1); i <= end; i++)
            {
                members.Add(sorted[i].CaseId);
            }

            taken = Math.Max(taken, end);
        }

        return [.. sorted.Where(f => members.Contains(f.CaseId))];
    }

    public static IEnumerable<AgencyFinding> InCitationOrder(IEnumerable<AgencyFinding> findings) =>
        findings.OrderBy(f => f.FoundOn).ThenBy(f => f.CaseId, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="finding"/> counts toward a pattern of <paramref name="flaw"/>.</summary>
    public static bool Counts(AgencyFinding finding, FlawKind flaw) => finding.IsCorrection && finding.Flaws.Contains(flaw);
}
