using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Organisations.Demo;

namespace CaseGrains.Domain.Tests.Organisations;

/// <summary>The Liaoning demo data set is consistent: ids are unique, every reference resolves, and the
/// hierarchy, bodies and intake points follow the rules the platform relies on.</summary>
public class LiaoningDemoTests
{
    private static readonly RegionTree Tree = new(LiaoningDemo.Regions);

    private static IEnumerable<Organisation> OfKind(OrganisationKind kind) => LiaoningDemo.Organisations.Where(o => o.Kind == kind);

    private static Organisation Organisation(string id) => Assert.Single(LiaoningDemo.Organisations, o => o.Id == id);

    [Fact]
    public void Region_and_organisation_ids_are_unique_and_never_collide()
    {
        var regionIds = LiaoningDemo.Regions.Select(r => r.Id).ToList();
        var organisationIds = LiaoningDemo.Organisations.Select(o => o.Id).ToList();

        Assert.Equal(regionIds.Count, regionIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(organisationIds.Count, organisationIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(regionIds.Intersect(organisationIds, StringComparer.Ordinal));
    }

    [Fact]
    public void Region_ids_are_division_codes_with_an_R_prefix_under_their_parent_code()
    {
        Assert.All(LiaoningDemo.Regions, region =>
        {
            Assert.Matches("^R([0-9]{6}|[0-9]{9})$", region.Id);
            if (region.ParentId is { } parent)
            {
                // R210000 -> R21, R210100 -> R2101: a child's code extends its parent's significant digits.
                var significant = parent;
                while (significant.Length > 3 && significant.EndsWith("00", StringComparison.Ordinal))
                {
                    significant = significant[..^2];
                }

                Assert.StartsWith(significant, region.Id, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Organisation_ids_carry_a_non_digit_prefix_by_kind()
    {
        var prefixes = new Dictionary<OrganisationKind, string>
        {
            [OrganisationKind.ReconsiderationBody] = "B-",
            [OrganisationKind.SupervisionOffice] = "S-",
            [OrganisationKind.EnforcementAgency] = "A-",
            [OrganisationKind.IntakePoint] = "I-",
        };

        Assert.All(LiaoningDemo.Organisations, o => Assert.StartsWith(prefixes[o.Kind], o.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_hierarchy_has_one_province_at_the_top_and_each_level_sits_under_the_level_above()
    {
        var root = Assert.Single(LiaoningDemo.Regions, r => r.ParentId is null);
        Assert.Equal(LiaoningDemo.Liaoning, root.Id);
        Assert.Equal(RegionLevel.Province, root.Level);

        Assert.All(LiaoningDemo.Regions.Where(r => r.ParentId is not null), region =>
        {
            var parent = Tree.Find(region.ParentId!);
            Assert.NotNull(parent);
            Assert.Equal(parent.Level + 1, region.Level);
            Assert.Equal(root.Id, Tree.SelfAndAncestors(region.Id).Last().Id);
        });
    }

    [Fact]
    public void Every_organisation_reference_resolves()
    {
        Assert.All(LiaoningDemo.Organisations, o =>
        {
            Assert.NotNull(Tree.Find(o.RegionId));
            Assert.False(string.IsNullOrWhiteSpace(o.Name));
            if (o.Kind == OrganisationKind.IntakePoint)
            {
                Assert.NotNull(o.IntakeKind);
                Assert.NotNull(o.BodyId);
                Assert.Equal(OrganisationKind.ReconsiderationBody, Organisation(o.BodyId).Kind);
            }
            else
            {
                Assert.Null(o.IntakeKind);
                Assert.Null(o.BodyId);
            }
        });
    }

    [Fact]
    public void Every_kind_of_intake_point_is_present()
    {
        var present = OfKind(OrganisationKind.IntakePoint).Select(o => o.IntakeKind!.Value).ToHashSet();

        Assert.All(Enum.GetValues<IntakePointKind>(), kind => Assert.Contains(kind, present));
    }

    [Fact]
    public void Each_intake_point_receives_for_the_body_of_its_region_or_the_nearest_above()
    {
        var bodies = OfKind(OrganisationKind.ReconsiderationBody).ToList();

        Assert.All(OfKind(OrganisationKind.IntakePoint), point =>
            Assert.Equal(new CompetentBodyResolver(bodies).Resolve(point, Tree)?.Id, point.BodyId));
    }

    [Fact]
    public void Township_service_points_sit_in_townships_and_receive_for_their_county_or_district()
    {
        var points = OfKind(OrganisationKind.IntakePoint).Where(o => o.IntakeKind == IntakePointKind.TownshipServicePoint).ToList();

        Assert.NotEmpty(points);
        Assert.All(points, point =>
        {
            var region = Tree.Find(point.RegionId)!;
            Assert.Equal(RegionLevel.Township, region.Level);
            Assert.Equal("B-" + region.ParentId, point.BodyId);
        });
    }

    [Theory]
    [InlineData("R210000", "辽宁省", RegionLevel.Province)]
    [InlineData("R210100", "沈阳市", RegionLevel.City)]
    [InlineData("R210400", "抚顺市", RegionLevel.City)]
    [InlineData("R210800", "营口市", RegionLevel.City)]
    [InlineData("R211100", "盘锦市", RegionLevel.City)]
    [InlineData("R211300", "朝阳市", RegionLevel.City)]
    [InlineData("R210104", "大东区", RegionLevel.County)]
    [InlineData("R210102", "和平区", RegionLevel.County)]
    public void The_named_regions_are_present(string id, string name, RegionLevel level)
    {
        var region = Tree.Find(id);

        Assert.NotNull(region);
        Assert.Equal(name, region.Name);
        Assert.Equal(level, region.Level);
    }

    [Fact]
    public void Every_city_has_at_least_one_county_level_unit_and_Dadong_has_townships()
    {
        Assert.All(LiaoningDemo.Regions.Where(r => r.Level == RegionLevel.City), city =>
            Assert.Contains(LiaoningDemo.Regions, r => r.ParentId == city.Id && r.Level == RegionLevel.County));
        Assert.True(LiaoningDemo.Regions.Count(r => r.ParentId == LiaoningDemo.Dadong) >= 2);
        Assert.Contains(LiaoningDemo.Regions, r => r.Level == RegionLevel.Township && Tree.Find(r.ParentId!)!.Name.EndsWith('县'));
    }

    [Fact]
    public void Every_county_or_higher_region_has_exactly_one_body_and_no_township_has_one()
    {
        var bodies = OfKind(OrganisationKind.ReconsiderationBody).ToList();

        Assert.All(LiaoningDemo.Regions, region =>
        {
            var count = bodies.Count(b => b.RegionId == region.Id);
            Assert.Equal(region.Level == RegionLevel.Township ? 0 : 1, count);
        });
        Assert.All(bodies, b => Assert.Equal("B-" + b.RegionId, b.Id));
    }

    [Theory]
    [InlineData("R210000", "辽宁省司法厅")]
    [InlineData("R210100", "沈阳市司法局")]
    [InlineData("R210400", "抚顺市司法局")]
    [InlineData("R210800", "营口市司法局")]
    [InlineData("R211100", "盘锦市司法局")]
    [InlineData("R211300", "朝阳市司法局")]
    [InlineData("R210104", "沈阳市大东区司法局")]
    public void The_province_every_city_and_Dadong_have_a_supervision_office(string regionId, string name)
    {
        var office = Assert.Single(OfKind(OrganisationKind.SupervisionOffice), o => o.RegionId == regionId);

        Assert.Equal(name, office.Name);
    }

    [Fact]
    public void Every_demo_agency_has_a_competent_body()
    {
        var bodies = OfKind(OrganisationKind.ReconsiderationBody).ToList();
        var agencies = OfKind(OrganisationKind.EnforcementAgency).ToList();

        Assert.True(agencies.Count >= 5);
        Assert.All(agencies, agency => Assert.NotNull(new CompetentBodyResolver(bodies).Resolve(agency, Tree)));
    }

    [Theory]
    [InlineData("A-R210104001-GOV", "B-R210104")]    // 万泉街道办事处, in a street: the Dadong district government
    [InlineData("A-R211321101-GOV", "B-R211321")]    // 大平房镇人民政府, in a town: the Chaoyang county government
    [InlineData("A-R210104-TRAFFIC", "B-R210104")]   // 交警大东大队, in Dadong: the district where it is located
    [InlineData("A-R210104-URBAN", "B-R210104")]     // 大东区城市管理局: its own district government
    [InlineData("A-R210800-SAMR", "B-R210800")]      // 营口市市场监督管理局: the Yingkou city government
    [InlineData("A-R210000-SAMR", "B-R210000")]      // 辽宁省市场监督管理局: the province government
    public void Demo_agencies_resolve_to_these_bodies(string agencyId, string expectedBody)
    {
        var bodies = OfKind(OrganisationKind.ReconsiderationBody);

        Assert.Equal(expectedBody, new CompetentBodyResolver(bodies).Resolve(Organisation(agencyId), Tree)?.Id);
    }

    [Fact]
    public void The_township_agency_sits_in_a_township_without_a_body_of_its_own()
    {
        var agency = Organisation(LiaoningDemo.WanquanStreetOffice);

        Assert.Equal(RegionLevel.Township, Tree.Find(agency.RegionId)!.Level);
        Assert.DoesNotContain(OfKind(OrganisationKind.ReconsiderationBody), b => b.RegionId == agency.RegionId);
        Assert.Equal(LiaoningDemo.DadongBody, new CompetentBodyResolver(LiaoningDemo.Organisations).Resolve(agency, Tree)?.Id);
    }

    [Fact]
    public void The_named_constants_point_at_the_data()
    {
        Assert.Equal("沈阳市大东区人民政府行政复议办公室", Organisation(LiaoningDemo.DadongBody).Name);
        Assert.Equal("辽宁省人民政府行政复议办公室", Organisation(LiaoningDemo.ProvinceBody).Name);
        Assert.Equal("沈阳市公安局交通警察支队大东大队", Organisation(LiaoningDemo.DadongTrafficBrigade).Name);
    }

    [Fact]
    public void Every_demo_region_and_organisation_passes_the_directory_rules()
    {
        Assert.All(LiaoningDemo.Regions, region => Assert.Empty(OrganisationRules.Validate(region, Tree)));
        Assert.All(LiaoningDemo.Organisations, organisation =>
            Assert.Empty(OrganisationRules.Validate(organisation, Tree, LiaoningDemo.Organisations)));
    }
}
