using CaseGrains.Domain.Access;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Organisations.Demo;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using Action = CaseGrains.Domain.Complaints.ComplaintActionName;
using ComplaintCases = CaseGrains.Domain.Tests.Complaints.Support.Complaints;

namespace CaseGrains.Domain.Tests.Access;

/// <summary>Who sees and handles a complaint about the Dadong traffic brigade, handled by the Dadong justice bureau.</summary>
public sealed class ComplaintAccessPolicyTests
{
    private const string DadongPath = "/R210000/R210100/R210104/";

    private static readonly EnforcementComplaint Complaint = ComplaintCases.ReceivedOn(D(2025, 3, 3)).State;

    private static readonly Principal DadongOffice = new("u-1", "S-R210104", Role.Supervisor, DadongPath);
    private static readonly Principal ShenyangOffice = new("u-2", "S-R210100", Role.Supervisor, "/R210000/R210100/");
    private static readonly Principal ProvinceOffice = new("u-3", "S-R210000", Role.Supervisor, "/R210000/");
    private static readonly Principal YingkouOffice = new("u-4", "S-R210800", Role.Supervisor, "/R210000/R210800/");
    private static readonly Principal HepingOffice = new("u-5", "S-R210102", Role.Supervisor, "/R210000/R210100/R210102/");
    private static readonly Principal Administrator = new("u-6", "S-R210000", Role.Administrator, "/R210000/");

    private static readonly string[] OutsiderNames = ["agencyStaff", "caseOfficer", "bodyHead", "intakeClerk", "applicant", "yingkou", "heping", "noPath"];

    public static TheoryData<string> Outsiders => new(OutsiderNames);

    private static Principal Outsider(string who) => who switch
    {
        "agencyStaff" => new("u-7", LiaoningDemo.DadongTrafficBrigade, Role.AgencyStaff, DadongPath),
        "caseOfficer" => new("u-8", LiaoningDemo.DadongBody, Role.CaseOfficer, DadongPath),
        "bodyHead" => new("u-9", LiaoningDemo.DadongBody, Role.BodyHead, DadongPath),
        "intakeClerk" => new("u-10", "I-R210104-TRAFFIC", Role.IntakeClerk, DadongPath),
        "applicant" => new("u-11", "I-R210000-ONLINE", Role.Applicant, "/R210000/"),
        "yingkou" => YingkouOffice,
        "heping" => HepingOffice,
        _ => new("u-12", "S-R210104", Role.Supervisor, ""),
    };

    [Fact]
    public void The_handling_office_sees_everything_and_takes_every_step_the_complaint_allows()
    {
        Assert.Equal(CaseVisibility.Full, ComplaintAccessPolicy.VisibilityOf(DadongOffice, Complaint));
        Assert.Equal([Action.VerifyComplaint, Action.RejectComplaint], ComplaintAccessPolicy.ActionsFor(DadongOffice, Complaint));
        Assert.Equal(AccessDecision.Forbidden, ComplaintAccessPolicy.MayPerform(DadongOffice, Action.FireComplaintReminder, Complaint));
    }

    [Fact]
    public void The_offices_above_and_administrators_watch_with_the_complainant_masked_and_take_no_step()
    {
        foreach (var watcher in new[] { ShenyangOffice, ProvinceOffice, Administrator })
        {
            Assert.Equal(CaseVisibility.Masked, ComplaintAccessPolicy.VisibilityOf(watcher, Complaint));
            Assert.Empty(ComplaintAccessPolicy.ActionsFor(watcher, Complaint));
            Assert.Equal(AccessDecision.Forbidden, ComplaintAccessPolicy.MayPerform(watcher, Action.VerifyComplaint, Complaint));
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public void Everybody_else_is_out_of_scope_the_agency_complained_of_first_of_all(string who)
    {
        var outsider = Outsider(who);

        Assert.Equal(CaseVisibility.None, ComplaintAccessPolicy.VisibilityOf(outsider, Complaint));
        Assert.False(ComplaintAccessPolicy.ScopeOf(outsider).Includes(Complaint));
        Assert.Equal(AccessDecision.OutOfScope, ComplaintAccessPolicy.MayPerform(outsider, Action.VerifyComplaint, Complaint));
        Assert.Empty(ComplaintAccessPolicy.ActionsFor(outsider, Complaint));
    }

    [Fact]
    public void A_lists_scope_admits_exactly_the_complaints_a_principal_may_see()
    {
        var principals = new[] { DadongOffice, ShenyangOffice, ProvinceOffice, YingkouOffice, HepingOffice, Administrator }
            .Concat(OutsiderNames.Select(Outsider));
        var elsewhere = Complaint with { RegionPath = "/R210000/R210800/R210802/", HandlingOfficeId = "S-R210800" };
        var prefixTwin = Complaint with { RegionPath = "/R210000/R2101/", HandlingOfficeId = "S-R2101" };

        foreach (var principal in principals)
        {
            foreach (var complaint in new[] { Complaint, elsewhere, prefixTwin })
            {
                Assert.Equal(
                    ComplaintAccessPolicy.VisibilityOf(principal, complaint) != CaseVisibility.None,
                    ComplaintAccessPolicy.ScopeOf(principal).Includes(complaint));
            }
        }
    }

    [Fact]
    public void A_supervisor_registers_complaints_about_agencies_in_their_own_region_or_below_and_nobody_else_does()
    {
        Assert.Equal(AccessDecision.Allowed, ComplaintAccessPolicy.MayReceive(DadongOffice, DadongPath));
        Assert.Equal(AccessDecision.Allowed, ComplaintAccessPolicy.MayReceive(ProvinceOffice, DadongPath));
        Assert.Equal(AccessDecision.Forbidden, ComplaintAccessPolicy.MayReceive(YingkouOffice, DadongPath));
        Assert.Equal(AccessDecision.Forbidden, ComplaintAccessPolicy.MayReceive(Administrator, DadongPath));
        Assert.Equal(AccessDecision.Forbidden, ComplaintAccessPolicy.MayReceive(Outsider("agencyStaff"), DadongPath));
        Assert.Equal(AccessDecision.Forbidden, ComplaintAccessPolicy.MayReceive(Outsider("noPath"), DadongPath));
    }
}
