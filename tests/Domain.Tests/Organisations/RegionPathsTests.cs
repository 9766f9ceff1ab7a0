using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Organisations.Demo;

namespace CaseGrains.Domain.Tests.Organisations;

public sealed class RegionPathsTests
{
    private static readonly RegionTree Tree = new(LiaoningDemo.Regions);

    [Theory]
    [InlineData(LiaoningDemo.Wanquan, RegionLevel.Township, LiaoningDemo.Dadong)]
    [InlineData(LiaoningDemo.Dadong, RegionLevel.County, LiaoningDemo.Shenyang)]
    [InlineData(LiaoningDemo.Shenyang, RegionLevel.City, LiaoningDemo.Liaoning)]
    public void A_region_path_reads_its_level_and_the_region_one_level_up(string regionId, RegionLevel level, string parentId)
    {
        var path = Tree.PathOf(regionId);

        Assert.Equal(level, RegionPaths.LevelOf(path));
        Assert.Equal(Tree.PathOf(parentId), RegionPaths.Parent(path));
        Assert.Equal(Tree.SelfAndAncestors(regionId).Select(r => r.Id), RegionPaths.SelfAndAncestors(path));
    }

    [Theory]
    [InlineData("/R210000/R210100/R210104/", "R210104 R210100 R210000")]
    [InlineData("R210000/R210100", "R210100 R210000")]
    [InlineData("/R210000//R210100/", "R210100 R210000")]
    [InlineData("/", "")]
    [InlineData("", "")]
    public void A_path_reads_its_region_ids_deepest_first_skipping_empty_segments(string path, string ids)
    {
        var expected = ids.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sliced = new List<string>();
        foreach (var id in RegionPaths.DeepestFirst(path))
        {
            sliced.Add(id.ToString());
        }

        Assert.Equal(expected, RegionPaths.SelfAndAncestors(path));
        Assert.Equal(expected, sliced);
    }

    [Fact]
    public void The_province_has_nothing_above_it()
    {
        Assert.Equal(RegionLevel.Province, RegionPaths.LevelOf("/R210000/"));
        Assert.Null(RegionPaths.Parent("/R210000/"));
    }

    [Theory]
    [InlineData("/R210000/R210100/", true)]
    [InlineData("/R210000/R210100/R210104/R210104001/", true)]
    [InlineData("/R210000/R210100/R210104/R210104001/R1/", false)]
    [InlineData("R210000/", false)]
    [InlineData("/R210000", false)]
    [InlineData("/", false)]
    [InlineData("//R210000/", false)]
    [InlineData("/210000/", false)]
    [InlineData(null, false)]
    public void A_path_is_well_formed_when_it_names_one_to_four_regions_by_valid_ids(string? path, bool wellFormed)
    {
        Assert.Equal(wellFormed, RegionPaths.IsWellFormed(path));
    }

    [Fact]
    public void A_path_without_a_region_has_no_level()
    {
        Assert.Throws<ArgumentException>(() => RegionPaths.LevelOf("/"));
    }
}
