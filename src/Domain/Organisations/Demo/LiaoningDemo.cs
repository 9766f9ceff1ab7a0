namespace CaseGrains.Domain.Organisations.Demo;

/// <summary>
/// A small, consistent slice of Liaoning (辽宁省) for demos, examples and tests: the province, five cities,
/// two county-level units in each, a few townships/streets, and the bodies, supervision offices, agencies
/// and intake points that sit in them.
/// </summary>
/// <remarks>
/// Province, city and county-level ids are the official administrative division codes (行政区划代码) with an
/// <c>R</c> prefix. Township/street ids (nine digits) are illustrative: plausible codes under the parent's code,
/// not the official statistical codes. Organisation ids use a prefix by kind: <c>B-</c> reconsideration body
/// (one per county-or-higher region, id <c>B-</c> + region id), <c>S-</c> supervision office, <c>A-</c>
/// enforcement agency, <c>I-</c> intake point. An intake point's <see cref="Organisation.BodyId"/> is the body
/// of its own region or, for a township, of the nearest region above that has one.
/// </remarks>
public static class LiaoningDemo
{
    public const string Liaoning = "R210000";
    public const string Shenyang = "R210100";
    public const string Fushun = "R210400";
    public const string Yingkou = "R210800";
    public const string Panjin = "R211100";
    public const string Chaoyang = "R211300";

    public const string Heping = "R210102";
    public const string Dadong = "R210104";
    public const string Xinfu = "R210402";
    public const string FushunCounty = "R210421";
    public const string Zhanqian = "R210802";
    public const string Bayuquan = "R210804";
    public const string Xinglongtai = "R211103";
    public const string Panshan = "R211122";
    public const string Shuangta = "R211302";
    public const string ChaoyangCounty = "R211321";

    public const string Wanquan = "R210104001";
    public const string Dabei = "R210104002";
    public const string Dongzhan = "R210104003";
    public const string Dapingfang = "R211321101";

    /// <summary>辽宁省人民政府行政复议办公室.</summary>
    public const string ProvinceBody = "B-R210000";

    /// <summary>沈阳市大东区人民政府行政复议办公室.</summary>
    public const string DadongBody = "B-R210104";

    /// <summary>沈阳市公安局交通警察支队大东大队.</summary>
    public const string DadongTrafficBrigade = "A-R210104-TRAFFIC";

    /// <summary>沈阳市大东区万泉街道办事处, an agency in a township-level region without a body of its own.</summary>
    public const string WanquanStreetOffice = "A-R210104001-GOV";

    public static IReadOnlyList<Region> Regions { get; } =
    [
        new(Liaoning, "辽宁省", RegionLevel.Province, null),

        new(Shenyang, "沈阳市", RegionLevel.City, Liaoning),
        new(Fushun, "抚顺市", RegionLevel.City, Liaoning),
        new(Yingkou, "营口市", RegionLevel.City, Liaoning),
        new(Panjin, "盘锦市", RegionLevel.City, Liaoning),
        new(Chaoyang, "朝阳市", RegionLevel.City, Liaoning),

        new(Heping, "和平区", RegionLevel.County, Shenyang),
        new(Dadong, "大东区", RegionLevel.County, Shenyang),
        new(Xinfu, "新抚区", RegionLevel.County, Fushun),
        new(FushunCounty, "抚顺县", RegionLevel.County, Fushun),
        new(Zhanqian, "站前区", RegionLevel.County, Yingkou),
        new(Bayuquan, "鲅鱼圈区", RegionLevel.County, Yingkou),
        new(Xinglongtai, "兴隆台区", RegionLevel.County, Panjin),
        new(Panshan, "盘山县", RegionLevel.County, Panjin),
        new(Shuangta, "双塔区", RegionLevel.County, Chaoyang),
        new(ChaoyangCounty, "朝阳县", RegionLevel.County, Chaoyang),

        new(Wanquan, "万泉街道", RegionLevel.Township, Dadong),
        new(Dabei, "大北街道", RegionLevel.Township, Dadong),
        new(Dongzhan, "东站街道", RegionLevel.Township, Dadong),
        new(Dapingfang, "大平房镇", RegionLevel.Township, ChaoyangCounty),
    ];

    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        // Reconsideration bodies (行政复议机关/机构): the province, every city and every county-level unit.
        Body(Liaoning, "辽宁省人民政府行政复议办公室"),
        Body(Shenyang, "沈阳市人民政府行政复议办公室"),
        Body(Fushun, "抚顺市人民政府行政复议办公室"),
        Body(Yingkou, "营口市人民政府行政复议办公室"),
        Body(Panjin, "盘锦市人民政府行政复议办公室"),
        Body(Chaoyang, "朝阳市人民政府行政复议办公室"),
        Body(Heping, "沈阳市和平区人民政府行政复议办公室"),
        Body(Dadong, "沈阳市大东区人民政府行政复议办公室"),
        Body(Xinfu, "抚顺市新抚区人民政府行政复议办公室"),
        Body(FushunCounty, "抚顺县人民政府行政复议办公室"),
        Body(Zhanqian, "营口市站前区人民政府行政复议办公室"),
        Body(Bayuquan, "营口市鲅鱼圈区人民政府行政复议办公室"),
        Body(Xinglongtai, "盘锦市兴隆台区人民政府行政复议办公室"),
        Body(Panshan, "盘山县人民政府行政复议办公室"),
        Body(Shuangta, "朝阳市双塔区人民政府行政复议办公室"),
        Body(ChaoyangCounty, "朝阳县人民政府行政复议办公室"),

        // Supervision offices (行政执法监督机构): the justice department and bureaus.
        Supervision(Liaoning, "辽宁省司法厅"),
        Supervision(Shenyang, "沈阳市司法局"),
        Supervision(Fushun, "抚顺市司法局"),
        Supervision(Yingkou, "营口市司法局"),
        Supervision(Panjin, "盘锦市司法局"),
        Supervision(Chaoyang, "朝阳市司法局"),
        Supervision(Dadong, "沈阳市大东区司法局"),

        // Enforcement agencies (行政执法机关). The traffic-police brigade is a unit the city bureau set up per
        // district, so it sits in Dadong: the applicant may apply to the district government where it is
        // located (Art. 24, last paragraph).
        new(DadongTrafficBrigade, "沈阳市公安局交通警察支队大东大队", OrganisationKind.EnforcementAgency, Dadong),
        new("A-R210104-URBAN", "沈阳市大东区城市管理局", OrganisationKind.EnforcementAgency, Dadong),
        new(WanquanStreetOffice, "沈阳市大东区万泉街道办事处", OrganisationKind.EnforcementAgency, Wanquan),
        new("A-R211321101-GOV", "朝阳县大平房镇人民政府", OrganisationKind.EnforcementAgency, Dapingfang),
        new("A-R210800-SAMR", "营口市市场监督管理局", OrganisationKind.EnforcementAgency, Yingkou),
        new("A-R210000-SAMR", "辽宁省市场监督管理局", OrganisationKind.EnforcementAgency, Liaoning),
        new("A-R210100-EEB", "沈阳市生态环境局", OrganisationKind.EnforcementAgency, Shenyang),
        new("A-R211100-TRANSPORT", "盘锦市交通运输局", OrganisationKind.EnforcementAgency, Panjin),
        new("A-R210400-NR", "抚顺市自然资源局", OrganisationKind.EnforcementAgency, Fushun),

        // Intake points (受理点/服务点/代收点), each receiving for the body of its region or the nearest above.
        Intake("I-R210000-HALL", "辽宁省行政复议综合受理大厅", IntakePointKind.IntegratedHall, Liaoning, Liaoning),
        Intake("I-R210100-HALL", "沈阳市行政复议综合受理大厅", IntakePointKind.IntegratedHall, Shenyang, Shenyang),
        Intake("I-R210104-HALL", "沈阳市大东区行政复议综合受理大厅", IntakePointKind.IntegratedHall, Dadong, Dadong),
        Intake("I-R210104001-SP", "大东区万泉街道行政复议服务点", IntakePointKind.TownshipServicePoint, Wanquan, Dadong),
        Intake("I-R210104002-SP", "大东区大北街道行政复议服务点", IntakePointKind.TownshipServicePoint, Dabei, Dadong),
        Intake("I-R210104003-SP", "大东区东站街道行政复议服务点", IntakePointKind.TownshipServicePoint, Dongzhan, Dadong),
        Intake("I-R211321101-SP", "朝阳县大平房镇行政复议服务点", IntakePointKind.TownshipServicePoint, Dapingfang, ChaoyangCounty),
        Intake("I-R210804-GREEN", "营口经济技术开发区涉企行政复议“绿色通道”受理点", IntakePointKind.EnterpriseGreenChannel, Bayuquan, Bayuquan),
        Intake("I-R210104-TRAFFIC", "沈阳市公安局交通警察支队大东大队行政复议代收点", IntakePointKind.TrafficPoliceCollectionPoint, Dadong, Dadong),
        Intake("I-R210000-ONLINE", "辽宁省行政复议网上申请平台", IntakePointKind.Online, Liaoning, Liaoning),
    ];

    private static Organisation Body(string regionId, string name) =>
        new("B-" + regionId, name, OrganisationKind.ReconsiderationBody, regionId);

    private static Organisation Supervision(string regionId, string name) =>
        new("S-" + regionId, name, OrganisationKind.SupervisionOffice, regionId);

    private static Organisation Intake(string id, string name, IntakePointKind kind, string regionId, string bodyRegionId) =>
        new(id, name, OrganisationKind.IntakePoint, regionId, kind, "B-" + bodyRegionId);
}
