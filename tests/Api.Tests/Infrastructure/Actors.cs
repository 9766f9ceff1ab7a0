using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>A user as a token names them: account (<c>sub</c>), organisation (<c>org</c>) and role.</summary>
public sealed record Who(string UserId, string OrganisationId, Role Role)
{
    public override string ToString() => $"{Role} {UserId}@{OrganisationId}";
}

/// <summary>Who the tests act as, and the demo organisations (<c>LiaoningDemo</c>) they use.</summary>
public static class Actors
{
    public const string OfficerUser = "officer-wang";
    public const string ClerkUser = "clerk-li";
    public const string HeadUser = "head-zhao";
    public const string AdminUser = "admin-sun";

    /// <summary>沈阳市大东区人民政府行政复议办公室.</summary>
    public const string DadongBody = "B-R210104";

    /// <summary>The traffic-police collection point in Dadong, receiving for <see cref="DadongBody"/>.</summary>
    public const string DadongTrafficPoint = "I-R210104-TRAFFIC";

    /// <summary>沈阳市公安局交通警察支队大东大队.</summary>
    public const string DadongTrafficBrigade = "A-R210104-TRAFFIC";

    /// <summary>沈阳市大东区城市管理局: another agency in the same county as <see cref="DadongTrafficBrigade"/>.</summary>
    public const string DadongUrbanManagement = "A-R210104-URBAN";

    /// <summary>The Dadong integrated hall, receiving for <see cref="DadongBody"/>.</summary>
    public const string DadongHall = "I-R210104-HALL";

    /// <summary>The Wanquan street service point, receiving for <see cref="DadongBody"/> (its township has no body).</summary>
    public const string WanquanServicePoint = "I-R210104001-SP";

    /// <summary>The enterprise green channel in Yingkou's development zone, receiving for Bayuquan's body.</summary>
    public const string YingkouGreenChannel = "I-R210804-GREEN";

    /// <summary>The Dapingfang township service point, receiving for Chaoyang county's body.</summary>
    public const string DapingfangServicePoint = "I-R211321101-SP";

    /// <summary>The province's online platform, receiving for the province's body: where applicants file themselves.</summary>
    public const string OnlinePlatform = "I-R210000-ONLINE";

    /// <summary>和平区 body: another county of Shenyang than Dadong.</summary>
    public const string HepingBody = "B-R210102";

    public const string ProvinceSupervision = "S-R210000";
    public const string ShenyangSupervision = "S-R210100";
    public const string DadongSupervision = "S-R210104";
    public const string YingkouSupervision = "S-R210800";

    /// <summary>The head of the Dadong body: approves decisions, extensions and procedure switches.</summary>
    public static Who DadongHead { get; } = new(HeadUser, DadongBody, Role.BodyHead);

    public static Who DadongOfficer { get; } = new(OfficerUser, DadongBody, Role.CaseOfficer);

    /// <summary>The clerk of the Dadong traffic-police collection point.</summary>
    public static Who TrafficPointClerk { get; } = new(ClerkUser, DadongTrafficPoint, Role.IntakeClerk);

    public static Who Administrator { get; } = new(AdminUser, ProvinceSupervision, Role.Administrator);

    /// <summary>The provincial justice department: a supervisor whose scope is all of Liaoning.</summary>
    public static Who ProvinceSupervisor { get; } = new("supervisor-qian", ProvinceSupervision, Role.Supervisor);

    public static Who Clerk(string intakePointId) => new("clerk-" + intakePointId, intakePointId, Role.IntakeClerk);

    public static Who Officer(string bodyId) => new("officer-" + bodyId, bodyId, Role.CaseOfficer);

    public static Who Head(string bodyId) => new("head-" + bodyId, bodyId, Role.BodyHead);

    public static Who AgencyStaff(string agencyId) => new("staff-" + agencyId, agencyId, Role.AgencyStaff);

    public static Who Supervisor(string officeId) => new("supervisor-" + officeId, officeId, Role.Supervisor);

    /// <summary>A member of the public with an account on the online platform (the organisation every applicant
    /// token names, since the directory has none for the public).</summary>
    public static Who Applicant(string userId) => new(userId, OnlinePlatform, Role.Applicant);
}
