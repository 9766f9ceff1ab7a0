using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Tests.Organisations;

/// <summary>The four-level hierarchy (省市县乡): walking up from a region, and the materialised path used for
/// "this region and its subregions" filters.</summary>
public class RegionTreeTests
{
    private static readonly RegionTree Tree = new(
    [
        new Region("R210000", "辽宁省", RegionLevel.Province, null),
        new Region("R210100", "沈阳市", RegionLevel.City, "R210000"),
        new Region("R210104", "大东区", RegionLevel.County, "R210100"),
        new Region("R210102", "和平区", RegionLevel.County, "R210100"),
        new Region("R210104001", "万泉街道", RegionLevel.Township, "R210104"),
    ]);

    [Theory]
    [InlineData("R210000", "/R210000/")]
    [InlineData("R210100", "/R210000/R210100/")]
    [InlineData("R210104", "/R210000/R210100/R210104/")]
    [InlineData("R210104001", "/R210000/R210100/R210104/R210104001/")]
    [InlineData("R999999", "/")] // unknown region: the empty path
    public void The_path_of_a_region_runs_from_the_province_down_to_itself(string id, string expected)
    {
        Assert.Equal(expected, Tree.PathOf(id));
    }

    [Theory]
    [InlineData("R210104001", "R210104001,R210104,R210100,R210000")]
    [InlineData("R210102", "R210102,R210100,R210000")]
    [InlineData("R210000", "R210000")]
    public void Self_and_ancestors_are_listed_nearest_first(string id, string expected)
    {
        Assert.Equal(expected.Split(','), Tree.SelfAndAncestors(id).Select(r => r.Id));
    }

    [Fact]
    public void An_unknown_region_has_no_ancestors()
    {
        Assert.Empty(Tree.SelfAndAncestors("R999999"));
        Assert.Null(Tree.Find("R999999"));
    }

    [Fact]
    public void A_subregion_path_starts_with_its_ancestor_path_and_a_sibling_path_does_not()
    {
        var dadong = Tree.PathOf("R210104");

        Assert.StartsWith(dadong, Tree.PathOf("R210104001"), StringComparison.Ordinal);
        Assert.StartsWith(Tree.PathOf("R210100"), dadong, StringComparison.Ordinal);
        Assert.False(Tree.PathOf("R210102").StartsWith(dadong, StringComparison.Ordinal));
    }

    [Fact]
    public void A_region_code_that_is_a_prefix_of_another_code_does_not_make_it_a_subregion()
    {
        // "R2101" is a prefix of "R210104" as a string; the trailing slash keeps the paths apart.
        var tree = new RegionTree(
        [
            new Region("R2101", "甲", RegionLevel.Province, null),
            new Region("R210104", "乙", RegionLevel.Province, null),
        ]);

        Assert.False(tree.PathOf("R210104").StartsWith(tree.PathOf("R2101"), StringComparison.Ordinal));
    }

    [Fact]
    public void A_cycle_in_bad_data_does_not_loop_forever()
    {
        var tree = new RegionTree(
        [
            new Region("R1", "甲", RegionLevel.City, "R2"),
            new Region("R2", "乙", RegionLevel.City, "R1"),
        ]);

        Assert.Equal(["R1", "R2"], tree.SelfAndAncestors("R1").Select(r => r.Id));
    }
}
