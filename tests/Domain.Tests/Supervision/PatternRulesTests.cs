using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;
using static CaseGrains.Domain.Tests.Supervision.Support.SupervisionFixture;

namespace CaseGrains.Domain.Tests.Supervision;

public sealed class PatternRulesTests
{
    private static readonly PatternRule CityRule = new() { Occurrences = 4, WindowDays = 90 };
    private static readonly PatternRule CountyRule = new() { Occurrences = 2, WindowDays = 60 };

    [Fact]
    public void Three_within_180_days_unless_configured()
    {
        Assert.Equal((3, 180), (PatternRules.Default.For(AgencyPath).Occurrences, PatternRules.Default.For(AgencyPath).WindowDays));
        Assert.Same(PatternRule.Default, PatternRules.Default.For("/R220000/"));
    }

    [Fact]
    public void The_nearest_configured_region_on_the_path_decides()
    {
        var rules = new PatternRules(new Dictionary<string, PatternRule> { [LiaoningDemo.Shenyang] = CityRule, [LiaoningDemo.Heping] = CountyRule });

        Assert.Equal(CityRule, rules.For(Regions.PathOf(LiaoningDemo.Wanquan)));
        Assert.Equal(CityRule, rules.For(Regions.PathOf(LiaoningDemo.Dadong)));
        Assert.Equal(CountyRule, rules.For(Regions.PathOf(LiaoningDemo.Heping)));
        Assert.Equal(PatternRule.Default, rules.For(Regions.PathOf(LiaoningDemo.Fushun)));
    }

    [Fact]
    public void A_province_rule_covers_every_region_that_sets_none()
    {
        var rules = PatternRules.Default.With(LiaoningDemo.Liaoning, CountyRule).With(LiaoningDemo.Shenyang, CityRule);

        Assert.Equal(CountyRule, rules.For(Regions.PathOf(LiaoningDemo.Xinfu)));
        Assert.Equal(CityRule, rules.For(Regions.PathOf(LiaoningDemo.Dadong)));
    }

    [Fact]
    public void Every_invalid_entry_is_reported()
    {
        var errors = PatternRules.Validate(new Dictionary<string, PatternRule>
        {
            ["R210100"] = new() { Occurrences = 1, WindowDays = 0 },
            ["210104"] = PatternRule.Default,
            ["R210102"] = new() { Occurrences = 51, WindowDays = 3_651 },
        });

        Assert.Equal(
            [
                "'210104': an id is 1-64 ASCII letters, digits, '-' or '_', starting with a letter",
                "R210100: occurrences 1 is outside 2-50",
                "R210100: windowDays 0 is outside 1-3650",
                "R210102: occurrences 51 is outside 2-50",
                "R210102: windowDays 3651 is outside 1-3650",
            ],
            errors);
        Assert.Throws<ArgumentException>(() => PatternRules.Default.With("R210100", new PatternRule { Occurrences = 1 }));
    }
}
