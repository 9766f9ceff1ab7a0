using CaseGrains.Domain.Access;
using static CaseGrains.Domain.Tests.Access.AccessFixture;

namespace CaseGrains.Domain.Tests.Access;

public sealed class CaseVisibilityTests
{
    public static TheoryData<string, CaseVisibility> Visibilities => new()
    {
        { nameof(TheApplicant), CaseVisibility.Full },
        { nameof(Clerk), CaseVisibility.Full },
        { nameof(Officer), CaseVisibility.Full },
        { nameof(ReceivingOfficer), CaseVisibility.Full },
        { nameof(Head), CaseVisibility.Full },
        { nameof(AgencyStaff), CaseVisibility.Respondent },
        { nameof(ProvinceSupervisor), CaseVisibility.Masked },
        { nameof(CitySupervisor), CaseVisibility.Masked },
        { nameof(Administrator), CaseVisibility.Masked },
        { nameof(AnotherApplicant), CaseVisibility.None },
        { nameof(OtherClerk), CaseVisibility.None },
        { nameof(OtherHead), CaseVisibility.None },
        { nameof(OtherAgencyStaff), CaseVisibility.None },
        { nameof(DistrictSupervisor), CaseVisibility.None },
    };

    [Theory]
    [MemberData(nameof(Visibilities))]
    public void Each_role_sees_the_case_by_its_own_rule(string principal, CaseVisibility expected)
    {
        Assert.Equal(expected, CaseAccessPolicy.VisibilityOf(Named(principal), Case));
    }

    [Fact]
    public void A_case_registered_by_staff_is_no_applicants_own()
    {
        var registered = Case with { ApplicantUserId = null };

        Assert.Equal(CaseVisibility.None, CaseAccessPolicy.VisibilityOf(TheApplicant, registered));
        Assert.Equal(CaseVisibility.None, CaseAccessPolicy.VisibilityOf(TheApplicant with { UserId = "" }, registered));
    }

    [Fact]
    public void A_region_path_matches_whole_segments_only()
    {
        // R21010 is not the parent of R210100, even though the text is a prefix.
        var lookalike = CitySupervisor with { OrganisationRegionPath = "/R210000/R21010" };

        Assert.Equal(CaseVisibility.None, CaseAccessPolicy.VisibilityOf(lookalike, Case));
        Assert.Equal(CaseVisibility.None, CaseAccessPolicy.VisibilityOf(CitySupervisor with { OrganisationRegionPath = "/R210000/R21010/" }, Case));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("R210000/")]
    [InlineData("/R210000//")]
    public void A_supervisor_without_a_well_formed_region_path_sees_nothing_rather_than_everything(string path)
    {
        var supervisor = CitySupervisor with { OrganisationRegionPath = path };

        Assert.Equal(CaseVisibility.None, CaseAccessPolicy.VisibilityOf(supervisor, Case));
        Assert.True(CaseAccessPolicy.ScopeOf(supervisor).IsNothing);
    }

    [Fact]
    public void Staff_with_a_blank_organisation_see_nothing()
    {
        foreach (var principal in new[] { Clerk, Officer, Head, AgencyStaff })
        {
            var blank = principal with { OrganisationId = " " };
            Assert.Equal(CaseVisibility.None, CaseAccessPolicy.VisibilityOf(blank, Case with { IntakePointId = " ", CompetentBodyId = " ", RespondentAgencyId = " " }));
            Assert.True(CaseAccessPolicy.ScopeOf(blank).IsNothing);
        }
    }

    [Fact]
    public void An_undefined_role_sees_nothing()
    {
        var unknown = Administrator with { Role = (Role)99 };

        Assert.Equal(CaseVisibility.None, CaseAccessPolicy.VisibilityOf(unknown, Case));
        Assert.True(CaseAccessPolicy.ScopeOf(unknown).IsNothing);
        Assert.Equal(AccessDecision.OutOfScope, CaseAccessPolicy.MayPerform(unknown, CaseGrains.Domain.Cases.CaseActionName.Accept, Case));
    }

    internal static Principal Named(string name) =>
        (Principal)typeof(AccessFixture).GetField(name)!.GetValue(null)!;
}
