using CaseGrains.Domain.Access;
using CaseGrains.Domain.Supervision;
using static CaseGrains.Domain.Tests.Supervision.Support.Instruments;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>Who sees and does what with instruments: the issuer's side, the agency's side, supervisors by region and by
/// escalation, and nobody performs a system action.</summary>
public sealed class InstrumentAccessPolicyTests
{
    private const string Dadong = "/R210000/R210100/R210104/";
    private static readonly Principal DadongOffice = new("u-sup", "S-R210104", Role.Supervisor, Dadong);
    private static readonly Principal CityOffice = new("u-city", "S-R210100", Role.Supervisor, "/R210000/R210100/");
    private static readonly Principal YingkouOffice = new("u-yk", "S-R210800", Role.Supervisor, "/R210000/R210800/");
    private static readonly Principal BrigadeStaff = new("u-staff", "A-R210104-TRAFFIC", Role.AgencyStaff, Dadong);
    private static readonly Principal DadongOfficer = new("u-officer", "B-R210104", Role.CaseOfficer, Dadong);

    [Fact]
    public void A_drafted_notice_is_hidden_from_the_agency_and_from_other_regions_and_only_its_office_issues_it()
    {
        var draft = PatternNotice().State;

        Assert.False(InstrumentAccessPolicy.MaySee(BrigadeStaff, draft));
        Assert.False(InstrumentAccessPolicy.MaySee(YingkouOffice, draft));
        Assert.False(InstrumentAccessPolicy.MaySee(DadongOfficer, draft));
        Assert.Equal(AccessDecision.Allowed, InstrumentAccessPolicy.MayPerform(DadongOffice, InstrumentActionName.ApproveAndIssue, draft));
        Assert.Equal(AccessDecision.Forbidden, InstrumentAccessPolicy.MayPerform(CityOffice, InstrumentActionName.ApproveAndIssue, draft));
        Assert.Equal(AccessDecision.OutOfScope, InstrumentAccessPolicy.MayPerform(BrigadeStaff, InstrumentActionName.ReviseDraft, draft));
    }

    [Fact]
    public void The_agency_receives_and_reports_but_never_reviews_and_nobody_fires_a_reminder()
    {
        var received = ReceivedNotice().State;

        Assert.True(InstrumentAccessPolicy.MaySee(BrigadeStaff, received));
        Assert.Equal([InstrumentActionName.ReportRectification], InstrumentAccessPolicy.PermittedActions(BrigadeStaff, received));
        Assert.Empty(InstrumentAccessPolicy.PermittedActions(DadongOffice, received));
        Assert.Equal(AccessDecision.Forbidden, InstrumentAccessPolicy.MayPerform(DadongOffice, InstrumentActionName.FireInstrumentReminder, received));
        Assert.Equal(AccessDecision.Forbidden, InstrumentAccessPolicy.MayPerform(DadongOffice, InstrumentActionName.CiteCases, received));
    }

    [Fact]
    public void An_opinion_letter_is_the_bodys_and_only_its_head_approves_it()
    {
        var letter = OpinionLetter().State;
        var body = new Principal("u-o", letter.IssuingBodyId, Role.CaseOfficer, letter.IssuingBodyRegionPath);
        var head = body with { Role = Role.BodyHead };

        Assert.Equal(AccessDecision.Forbidden, InstrumentAccessPolicy.MayPerform(body, InstrumentActionName.ApproveAndIssue, letter));
        Assert.Equal(AccessDecision.Allowed, InstrumentAccessPolicy.MayPerform(head, InstrumentActionName.ApproveAndIssue, letter));
        Assert.Equal(AccessDecision.Allowed, InstrumentAccessPolicy.MayPerform(body, InstrumentActionName.ReviseDraft, letter));
    }
}
