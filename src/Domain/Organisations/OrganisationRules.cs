namespace CaseGrains.Domain.Organisations;

/// <summary>What makes a region or an organisation consistent with the rest of the directory.</summary>
public static class OrganisationRules
{
    /// <summary>Ids carry a non-digit prefix so that storage never reads them as integers (e.g. R210104, A-...).</summary>
    public static string? IdError(string id) =>
        id.Length is 0 or > 64 || !char.IsAsciiLetter(id[0]) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? "an id is 1-64 ASCII letters, digits, '-' or '_', starting with a letter"
            : null;

    public static IReadOnlyDictionary<string, string> Validate(Region region, RegionTree tree)
    {
        var errors = new Dictionary<string, string>();
        AddIf(errors, "id", IdError(region.Id));
        AddIf(errors, "name", NameError(region.Name));
        if (region.ParentId is null)
        {
            if (region.Level != RegionLevel.Province)
            {
                errors["parentId"] = "only a province has no parent region";
            }
        }
        else if (tree.Find(region.ParentId) is not { } parent)
        {
            errors["parentId"] = $"no region has the id '{region.ParentId}'";
        }
        else if (parent.Level + 1 != region.Level)
        {
            errors["level"] = $"a region under a {NameOf(parent.Level)} must be a {NameOf(parent.Level + 1)}";
        }
        else if (tree.SelfAndAncestors(parent.Id).Any(r => r.Id == region.Id))
        {
            errors["parentId"] = "a region cannot be placed under itself or its own subregion";
        }

        // The four levels hold below the region too: a county with townships cannot become a province or a city.
        if (tree.ChildrenOf(region.Id).FirstOrDefault(child => child.Level != region.Level + 1) is { } misplaced)
        {
            errors.TryAdd("level", $"its subregion '{misplaced.Id}' is a {NameOf(misplaced.Level)}, so it must stay a {NameOf(misplaced.Level - 1)}");
        }

        return errors;
    }

    /// <summary>Whether <paramref name="organisation"/> may be put into a directory that holds <paramref name="existing"/>
    /// (which may include the organisation's current version).</summary>
    public static IReadOnlyDictionary<string, string> Validate(Organisation organisation, RegionTree tree, IReadOnlyCollection<Organisation> existing)
    {
        Organisation? find(string id) => existing.FirstOrDefault(o => o.Id == id);
        var errors = new Dictionary<string, string>();
        AddIf(errors, "id", IdError(organisation.Id));
        AddIf(errors, "name", NameError(organisation.Name));
        if (tree.Find(organisation.RegionId) is null)
        {
            errors["regionId"] = $"no region has the id '{organisation.RegionId}'";
        }

        if (organisation.Kind == OrganisationKind.IntakePoint)
        {
            if (organisation.IntakeKind is null)
            {
                errors["intakeKind"] = "an intake point must say what kind of intake point it is";
            }

            if (organisation.BodyId is null || find(organisation.BodyId) is not { Kind: OrganisationKind.ReconsiderationBody })
            {
                errors["bodyId"] = "an intake point must name the reconsideration body it receives for";
            }
        }
        else
        {
            if (organisation.IntakeKind is not null)
            {
                errors["intakeKind"] = "only intake points have an intake kind";
            }

            if (organisation.BodyId is not null)
            {
                errors["bodyId"] = "only intake points name a body";
            }
        }

        // A body that stops being a body would leave the intake points receiving for it unable to route anything.
        var stranded = existing
            .Where(o => o.Kind == OrganisationKind.IntakePoint && o.BodyId == organisation.Id && o.Id != organisation.Id)
            .Select(o => o.Id)
            .ToList();
        if (organisation.Kind != OrganisationKind.ReconsiderationBody && stranded.Count > 0)
        {
            errors["kind"] = $"intake points {string.Join(", ", stranded)} receive for this body; attach them to another body first";
        }

        return errors;
    }

    private static string? NameError(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > 200 || name.Any(char.IsControl) ? "a name is 1-200 printable characters" : null;

    private static void AddIf(Dictionary<string, string> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = error;
        }
    }

    /// <summary>A level as the API writes it (<c>county</c>, not <c>County</c>).</summary>
    private static string NameOf(RegionLevel level) => level.ToString().ToLowerInvariant();
}
