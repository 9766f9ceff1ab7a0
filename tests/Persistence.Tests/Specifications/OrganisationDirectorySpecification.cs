using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Statistics;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>How every <see cref="Organisations.IOrganisationDirectory"/> behaves: run against PostgreSQL and in memory.</summary>
public abstract class OrganisationDirectorySpecification : BackendSpecification
{
    private static readonly DateOnly Today = new(2025, 3, 20);

    private Organisations.IOrganisationDirectory Directory => Backend.Directory;

    [Fact]
    public async Task A_seeded_directory_lists_regions_parents_first_and_organisations_by_id()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);

        var regions = await Directory.ListRegionsAsync();
        Assert.Equal(Given.Regions.OrderBy(r => r.Id, StringComparer.Ordinal), regions.OrderBy(r => r.Id, StringComparer.Ordinal));
        Assert.Equal(
            ["R210000", "R2101", "R210100", "R210102", "R210104", "R210104001", "R210200", "R210202"],
            regions.Select(r => r.Id));
        Assert.Equal(Given.Organisations.OrderBy(o => o.Id, StringComparer.Ordinal), await Directory.ListOrganisationsAsync());
    }

    [Fact]
    public async Task Regions_may_be_seeded_children_before_parents()
    {
        await Directory.SeedIfEmptyAsync([.. Given.Regions.Reverse()], Given.Organisations);

        await AssertSubtreeAsync("R210100", "R210100", "R210102", "R210104", "R210104001");
    }

    [Theory]
    [InlineData(OrganisationKind.ReconsiderationBody, new[] { "B-DL", "B-SY" })]
    [InlineData(OrganisationKind.EnforcementAgency, new[] { "A-DD-PSB" })]
    [InlineData(OrganisationKind.IntakePoint, new[] { "IP-DD-001" })]
    [InlineData(OrganisationKind.SupervisionOffice, new[] { "S-LN" })]
    public async Task Organisations_are_listed_by_kind(OrganisationKind kind, string[] expected)
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);

        Assert.Equal(expected, (await Directory.ListOrganisationsAsync(kind)).Select(o => o.Id));
    }

    [Fact]
    public async Task An_organisation_is_found_by_id_with_every_field()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);

        Assert.Equal(
            new Organisation("IP-DD-001", "东站街道行政复议服务点", OrganisationKind.IntakePoint, "R210104001", IntakePointKind.TownshipServicePoint, "B-SY"),
            await Directory.FindOrganisationAsync("IP-DD-001"));
        Assert.Null(await Directory.FindOrganisationAsync("NOPE"));
    }

    [Fact]
    public async Task Upserting_an_organisation_creates_it_then_replaces_it()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, []);
        var point = new Organisation("IP-1", "和平区交警代收点", OrganisationKind.IntakePoint, "R210102", IntakePointKind.TrafficPoliceCollectionPoint, "B-SY");

        await Directory.UpsertOrganisationAsync(point);
        var moved = point with { Name = "大东区绿色通道", RegionId = "R210104", IntakeKind = IntakePointKind.EnterpriseGreenChannel, BodyId = null };
        await Directory.UpsertOrganisationAsync(moved);

        Assert.Equal(moved, await Directory.FindOrganisationAsync("IP-1"));
        Assert.Single(await Directory.ListOrganisationsAsync());
    }

    [Fact]
    public async Task An_organisation_in_an_unknown_region_is_refused()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, []);

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Directory.UpsertOrganisationAsync(new Organisation("A-1", "某局", OrganisationKind.EnforcementAgency, "R999999")));

        Assert.Null(await Directory.FindOrganisationAsync("A-1"));
    }

    [Fact]
    public async Task Upserted_regions_build_the_tree_that_region_filters_use()
    {
        await Directory.UpsertRegionAsync(new Region("R210000", "辽宁省", RegionLevel.Province, null));
        await Directory.UpsertRegionAsync(new Region("R210100", "沈阳市", RegionLevel.City, "R210000"));
        await Directory.UpsertRegionAsync(new Region("R210104", "大东区", RegionLevel.County, "R210100"));
        await CommitCaseInAsync("C-1", "R210104");

        await AssertSubtreeAsync("R210000", "R210000", "R210100", "R210104");
        await AssertCasesInRegionAsync("R210100", "C-1");
        await AssertCasesInRegionAsync("R210000", "C-1");
    }

    [Fact]
    public async Task Renaming_a_region_keeps_its_place_in_the_tree()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, []);

        await Directory.UpsertRegionAsync(new Region("R210104", "大东区（新）", RegionLevel.County, "R210100"));

        Assert.Contains(new Region("R210104", "大东区（新）", RegionLevel.County, "R210100"), await Directory.ListRegionsAsync());
        await AssertSubtreeAsync("R210100", "R210100", "R210102", "R210104", "R210104001");
    }

    [Fact]
    public async Task Moving_a_region_moves_its_subregions_and_the_cases_in_them()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        await CommitCaseInAsync("C-county", "R210104");
        await CommitCaseInAsync("C-township", "R210104001");
        await CommitCaseInAsync("C-sibling", "R210102");

        await Directory.UpsertRegionAsync(new Region("R210104", "大东区", RegionLevel.County, "R210200"));

        await AssertSubtreeAsync("R210200", "R210200", "R210104", "R210104001", "R210202");
        await AssertSubtreeAsync("R210100", "R210100", "R210102");
        await AssertCasesInRegionAsync("R210200", "C-county", "C-township");
        await AssertCasesInRegionAsync("R210100", "C-sibling");
        await AssertCasesInRegionAsync("R210104001", "C-township");
        var tree = new RegionTree(await Directory.ListRegionsAsync());
        var township = await Backend.Queries.ListAsync(new CaseListQuery { Today = Today, RegionId = "R210104001" });
        Assert.Equal(tree.PathOf("R210104001"), Assert.Single(township.Items).RegionPath);
        Assert.Equal("/R210000/R210200/R210104/R210104001/", tree.PathOf("R210104001"));
    }

    [Fact]
    public async Task A_receipt_takes_the_path_of_its_agencys_region_as_the_directory_holds_it()
    {
        // The case's copy of the directory may be a minute old: the path written is the directory's own.
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        await Directory.UpsertRegionAsync(new Region("R210104", "大东区", RegionLevel.County, "R210200"));

        await Backend.Store.AppendAsync(Given.Commit("C-received", 0, index: i => i with { RespondentAgencyId = "A-DD-PSB", RegionPath = "/R210000/R210100/R210104/" }));
        await Backend.Store.AppendAsync(Given.Commit("C-unknown-agency", 0, index: i => i with { RespondentAgencyId = "A-NOWHERE", RegionPath = "/R210000/R210100/" }));

        await AssertCasesInRegionAsync("R210200", "C-received");
        await AssertCasesInRegionAsync("R210100", "C-unknown-agency");
    }

    [Fact]
    public async Task A_case_moved_with_its_region_stays_moved_when_it_is_next_written()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        await CommitCaseInAsync("C-county", "R210104");
        var before = new RegionTree(await Directory.ListRegionsAsync()).PathOf("R210104");

        await Directory.UpsertRegionAsync(new Region("R210104", "大东区", RegionLevel.County, "R210200"));
        await Backend.Store.AppendAsync(Given.Commit("C-county", 1, status: "Accepted", index: i => i with { RespondentAgencyId = "A-R210104", RegionPath = before }));

        await AssertCasesInRegionAsync("R210200", "C-county");
        await AssertCasesInRegionAsync("R210100");
        var received = async (string regionId) => (await Backend.Statistics.CountAsync(new StatisticsQuery { RegionId = regionId })).ApplicationsReceived;
        Assert.Equal((1L, 0L), (await received("R210200"), await received("R210100")));
    }

    [Fact]
    public async Task Moving_an_agency_to_another_region_moves_the_cases_against_it_and_no_others()
    {
        // The case grain takes its path from the agency's region in the directory, so the list and the statistics must
        // follow the agency too, or the two disagree for good (an update never writes the path).
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        await CommitCaseInAsync("C-moved", "R210104");
        await Backend.Store.AppendAsync(Given.Commit("C-other-agency", 0, index: i => i with { RespondentAgencyId = "A-DD-PSB", RegionPath = "/R210000/R210100/R210104/" }));
        var agency = (await Directory.FindOrganisationAsync("A-R210104"))!;

        await Directory.UpsertOrganisationAsync(agency with { Name = "执法机关（迁）", RegionId = "R210202" });
        await Directory.UpsertOrganisationAsync(new Organisation("A-DD-PSB", "沈阳市公安局大东分局（更名）", OrganisationKind.EnforcementAgency, "R210104"));

        await AssertCasesInRegionAsync("R210202", "C-moved");
        await AssertCasesInRegionAsync("R210104", "C-other-agency");
        var received = async (string regionId) => (await Backend.Statistics.CountAsync(new StatisticsQuery { RegionId = regionId })).ApplicationsReceived;
        Assert.Equal((1L, 1L), (await received("R210200"), await received("R210100")));
    }

    [Fact]
    public async Task An_organisation_that_is_not_an_agency_gives_no_case_its_path_at_receipt_or_when_moved()
    {
        // As the silos' copy of the directory, which knows the paths of enforcement agencies only.
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);
        await Backend.Store.AppendAsync(Given.Commit("C-1", 0, index: i => i with { RespondentAgencyId = "IP-DD-001", RegionPath = "/R210000/R210100/R210104/" }));
        await AssertCasesInRegionAsync("R210104001");

        await Directory.UpsertOrganisationAsync(new Organisation("IP-DD-001", "东站街道行政复议服务点", OrganisationKind.IntakePoint, "R210202", IntakePointKind.TownshipServicePoint, "B-SY"));

        await AssertCasesInRegionAsync("R210104", "C-1");
    }

    [Fact]
    public async Task A_region_moved_to_the_top_becomes_a_root_with_its_subtree()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, []);
        await CommitCaseInAsync("C-township", "R210104001");

        await Directory.UpsertRegionAsync(new Region("R210104", "大东区", RegionLevel.County, null));

        await AssertSubtreeAsync("R210104", "R210104", "R210104001");
        await AssertCasesInRegionAsync("R210104", "C-township");
        await AssertCasesInRegionAsync("R210000");
    }

    [Theory]
    [InlineData("R210100", "R210104001")]
    [InlineData("R210100", "R210100")]
    [InlineData("R210000", "R210202")]
    public async Task A_region_cannot_move_under_itself_or_its_subregions(string regionId, string newParentId)
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, []);
        var region = Given.Regions.Single(r => r.Id == regionId);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Directory.UpsertRegionAsync(region with { ParentId = newParentId }));

        Assert.Equal(Given.Regions.OrderBy(r => r.Id, StringComparer.Ordinal), (await Directory.ListRegionsAsync()).OrderBy(r => r.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_region_under_an_unknown_parent_is_refused()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Directory.UpsertRegionAsync(new Region("R210100", "沈阳市", RegionLevel.City, "R210000")));

        Assert.Empty(await Directory.ListRegionsAsync());
    }

    [Fact]
    public async Task Seeding_a_directory_that_has_data_changes_nothing()
    {
        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);

        await Directory.SeedIfEmptyAsync([new Region("R110000", "北京市", RegionLevel.Province, null)], []);

        Assert.Equal(Given.Regions.Count, (await Directory.ListRegionsAsync()).Count);
        Assert.Equal(Given.Organisations.Count, (await Directory.ListOrganisationsAsync()).Count);
    }

    [Fact]
    public async Task A_directory_with_only_a_region_is_not_empty()
    {
        await Directory.UpsertRegionAsync(new Region("R110000", "北京市", RegionLevel.Province, null));

        await Directory.SeedIfEmptyAsync(Given.Regions, Given.Organisations);

        Assert.Single(await Directory.ListRegionsAsync());
        Assert.Empty(await Directory.ListOrganisationsAsync());
    }

    [Fact]
    public async Task Processes_seeding_at_the_same_time_load_exactly_one_seed()
    {
        var directories = Enumerable.Range(0, 6)
            .Select(i => i == 0 ? Directory : Backend.ConnectAnotherProcess().Directory)
            .ToList();

        await Task.WhenAll(directories.Select((directory, i) => Task.Run(() =>
            directory.SeedIfEmptyAsync(Given.Regions, [.. Given.Organisations.Select(o => o with { Id = $"{o.Id}#{i}" })]))));

        Assert.Equal(Given.Regions.Count, (await Directory.ListRegionsAsync()).Count);
        var organisations = await Directory.ListOrganisationsAsync();
        Assert.Equal(Given.Organisations.Count, organisations.Count);
        Assert.Single(organisations.Select(o => o.Id.Split('#')[1]).Distinct());
    }

    public static TheoryData<string> MalformedSeeds => ["missing parent", "cycle", "duplicate region", "organisation in unknown region", "duplicate organisation", "slash in id"];

    [Theory]
    [MemberData(nameof(MalformedSeeds))]
    public async Task A_malformed_seed_is_refused_and_loads_nothing(string malformation)
    {
        IReadOnlyList<Region> regions = Given.Regions;
        IReadOnlyList<Organisation> organisations = Given.Organisations;
        switch (malformation)
        {
            case "missing parent": regions = [.. regions.Where(r => r.Id != "R210100")]; break;
            case "cycle": regions = [.. regions.Select(r => r.Id == "R210100" ? r with { ParentId = "R210104001" } : r)]; break;
            case "duplicate region": regions = [.. regions, regions[0]]; break;
            case "organisation in unknown region": organisations = [.. organisations, new("A-X", "某局", OrganisationKind.EnforcementAgency, "R999999")]; break;
            case "duplicate organisation": organisations = [.. organisations, organisations[0]]; break;
            case "slash in id": regions = [.. regions, new Region("R2/1", "斜杠", RegionLevel.City, "R210000")]; break;
            default: throw new ArgumentOutOfRangeException(nameof(malformation));
        }

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Directory.SeedIfEmptyAsync(regions, organisations));

        Assert.Empty(await Directory.ListRegionsAsync());
        Assert.Empty(await Directory.ListOrganisationsAsync());
    }

    /// <summary>A case received against an agency of <paramref name="regionId"/> (added to the directory if need be).</summary>
    private async Task CommitCaseInAsync(string caseId, string regionId)
    {
        var tree = new RegionTree(await Directory.ListRegionsAsync());
        var agencyId = "A-" + regionId;
        await Directory.UpsertOrganisationAsync(new Organisation(agencyId, "执法机关" + regionId, OrganisationKind.EnforcementAgency, regionId));
        await Backend.Store.AppendAsync(Given.Commit(caseId, 0, index: i => i with { RespondentAgencyId = agencyId, RegionPath = tree.PathOf(regionId) }));
    }

    private async Task AssertCasesInRegionAsync(string regionId, params string[] expected)
    {
        var page = await Backend.Queries.ListAsync(new CaseListQuery { Today = Today, RegionId = regionId, PageSize = CaseListQuery.MaxPageSize });
        Assert.Equal(expected.Order(StringComparer.Ordinal), page.Items.Select(c => c.CaseId).Order(StringComparer.Ordinal));
    }

    /// <summary>The region and every region below it, by the parent links the directory lists.</summary>
    private async Task AssertSubtreeAsync(string regionId, params string[] expected)
    {
        var regions = await Directory.ListRegionsAsync();
        var tree = new RegionTree(regions);
        var subtree = regions.Where(r => tree.SelfAndAncestors(r.Id).Any(a => a.Id == regionId)).Select(r => r.Id);
        Assert.Equal(expected.Order(StringComparer.Ordinal), subtree.Order(StringComparer.Ordinal));
    }
}
