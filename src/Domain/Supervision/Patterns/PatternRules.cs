using System.Collections.Frozen;
using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// The pattern rule of each region that configured its own; every other region follows the nearest region above it that
/// did, and <see cref="PatternRule.Default"/> when none on its path did. So a city's rule covers its counties and their
/// townships unless a county sets its own. Immutable.
/// </summary>
public sealed class PatternRules
{
    private readonly FrozenDictionary<string, PatternRule> byRegion;

    /// <param name="byRegion">The rule of each region id that differs from what it would inherit.</param>
    /// <exception cref="ArgumentException">A region id or rule is invalid (<see cref="Validate"/>).</exception>
    public PatternRules(IReadOnlyDictionary<string, PatternRule>? byRegion = null)
    {
        byRegion ??= new Dictionary<string, PatternRule>();
        var errors = Validate(byRegion);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(byRegion));
        }

        this.byRegion = byRegion.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Three within 180 days everywhere.</summary>
    public static PatternRules Default { get; } = new();

    public IReadOnlyDictionary<string, PatternRule> ByRegion => byRegion;

    /// <summary>Every reason <paramref name="byRegion"/> is not a valid configuration; empty when it is.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, PatternRule> byRegion)
    {
        ArgumentNullException.ThrowIfNull(byRegion);
        var errors = new List<string>();
        foreach (var (regionId, rule) in byRegion.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (OrganisationRules.IdError(regionId) is { } idError)
            {
                errors.Add($"'{regionId}': {idError}");
            }

            if (rule is null)
            {
                errors.Add($"{regionId}: no rule");
                continue;
            }

            errors.AddRange(rule.Errors().Select(e => $"{regionId}: {e}"));
        }

        return errors;
    }

    /// <summary>The rule for an agency whose region has the path <paramref name="regionPath"/>: its own region's, else the
    /// nearest configured region's above it, else the default.</summary>
    public PatternRule For(string regionPath)
    {
        // Slices of the path looked up as they are: every correcting finding an agency records asks, and the split,
        // reversed and searched path was about 2% of the managed samples in a profile of bench transitions-memory's
        // case phase.
        var configured = byRegion.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var regionId in RegionPaths.DeepestFirst(regionPath))
        {
            if (configured.TryGetValue(regionId, out var rule))
            {
                return rule;
            }
        }

        return PatternRule.Default;
    }

    /// <summary>These rules with <paramref name="regionId"/> set to <paramref name="rule"/>.</summary>
    public PatternRules With(string regionId, PatternRule rule) =>
        new(new Dictionary<string, PatternRule>(byRegion, StringComparer.Ordinal) { [regionId] = rule });
}
