using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Access;

/// <summary>A case against the Shenyang traffic police received at the Hunnan collection point, and the people
/// around it: each principal in scope by exactly the rule of their role.</summary>
internal static class AccessFixture
{
    public const string ApplicantAccount = "u-zhangsan";

    /// <summary>Filed by <see cref="ApplicantAccount"/>; region <c>/R210000/R210100/</c>.</summary>
    public static ReconsiderationCase Case { get; } = Given.CaseReceivedOn(D(2025, 3, 3)).State with { ApplicantUserId = ApplicantAccount };

    public static readonly Principal TheApplicant = new(ApplicantAccount, "ORG-PUBLIC", Role.Applicant, "/");

    public static readonly Principal AnotherApplicant = TheApplicant with { UserId = "u-lisi" };

    public static readonly Principal Clerk = new("u-clerk", IntakePoint.Id, Role.IntakeClerk, "/R210000/R210100/R210112/");

    public static readonly Principal OtherClerk = Clerk with { OrganisationId = "IP-ELSEWHERE" };

    /// <summary>Officer of the competent body.</summary>
    public static readonly Principal Officer = new("u-officer", CompetentBody.Id, Role.CaseOfficer, "/R210000/R210100/");

    /// <summary>Officer of the body the intake point received for (全域受案), not the competent one.</summary>
    public static readonly Principal ReceivingOfficer = Officer with { UserId = "u-hunnan", OrganisationId = ReceivingBody.Id };

    public static readonly Principal Head = new("u-head", CompetentBody.Id, Role.BodyHead, "/R210000/R210100/");

    public static readonly Principal OtherHead = Head with { OrganisationId = "RB-DALIAN" };

    public static readonly Principal AgencyStaff = new("u-agency", Agency.Id, Role.AgencyStaff, "/R210000/R210100/");

    public static readonly Principal OtherAgencyStaff = AgencyStaff with { OrganisationId = "AG-DALIAN-TRAFFIC" };

    public static readonly Principal ProvinceSupervisor = new("u-province", "S-R210000", Role.Supervisor, "/R210000/");

    public static readonly Principal CitySupervisor = new("u-city", "S-R210100", Role.Supervisor, "/R210000/R210100/");

    /// <summary>A district of Shenyang: the case's region is above it, not in it.</summary>
    public static readonly Principal DistrictSupervisor = new("u-district", "S-R210112", Role.Supervisor, "/R210000/R210100/R210112/");

    public static readonly Principal Administrator = new("u-admin", "ORG-OPS", Role.Administrator, "/");

    public static IEnumerable<Principal> InScope =>
        [TheApplicant, Clerk, Officer, ReceivingOfficer, Head, AgencyStaff, ProvinceSupervisor, CitySupervisor, Administrator];

    public static IEnumerable<Principal> OutOfScope => [AnotherApplicant, OtherClerk, OtherHead, OtherAgencyStaff, DistrictSupervisor];
}
