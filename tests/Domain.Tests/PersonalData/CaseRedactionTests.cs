using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.PersonalData;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.PersonalData;

public sealed class CaseRedactionTests
{
    private static CaseBuilder WithOpinion() =>
        Given.CaseReceivedOn(D(2025, 3, 3), a => a with
        {
            Applicant = a.Applicant with { IdNumber = "210102199003074514", Phone = "13812345678", Address = "沈阳市大东区小河沿路1号" },
        })
        .Accepted()
        .Then(new RequestCommitteeConsultation())
        .Then(new RecordCommitteeOpinion { Opinion = "建议撤销" });

    private static ReconsiderationCase Case => WithOpinion().State with { ApplicantUserId = "u-zhangsan" };

    [Fact]
    public void Those_who_need_the_full_case_see_it_unchanged()
    {
        var @case = Case;

        Assert.Same(@case, CaseRedaction.For(@case, CaseVisibility.Full));
    }

    [Fact]
    public void Supervisors_and_administrators_see_the_numbers_masked_and_everything_else()
    {
        var @case = Case;

        var masked = CaseRedaction.For(@case, CaseVisibility.Masked);

        Assert.Equal(("2101**********4514", "138****5678"), (masked.Applicant.IdNumber, masked.Applicant.Phone));
        Assert.Equal(@case.Applicant.Address, masked.Applicant.Address);
        Assert.Equal("建议撤销", masked.Committee!.Opinion);
        Assert.Equal(@case with { Applicant = masked.Applicant }, masked);
    }

    [Fact]
    public void The_respondent_sees_no_address_no_account_and_no_internal_deliberation()
    {
        var respondent = CaseRedaction.For(Case, CaseVisibility.Respondent);

        Assert.Equal(("2101**********4514", "138****5678", null), (respondent.Applicant.IdNumber, respondent.Applicant.Phone, respondent.Applicant.Address));
        Assert.Equal("张三", respondent.Applicant.Name);
        Assert.Null(respondent.ApplicantUserId);
        Assert.Null(respondent.Committee!.Opinion);
        Assert.Equal(Case.Committee!.OpinionRecordedOn, respondent.Committee.OpinionRecordedOn);
    }

    [Fact]
    public void A_case_without_personal_numbers_or_committee_is_redacted_without_fault()
    {
        var bare = Case with { Applicant = Case.Applicant with { IdNumber = null, Phone = null, Address = null }, Committee = null };

        var respondent = CaseRedaction.For(bare, CaseVisibility.Respondent);

        Assert.Equal((null, null, null), (respondent.Applicant.IdNumber, respondent.Applicant.Phone, respondent.Committee));
    }

    [Fact]
    public void The_history_is_redacted_like_the_case()
    {
        var events = WithOpinion().Events;
        var received = Assert.IsType<ApplicationReceived>(events[0]);
        var opinion = Assert.IsType<CommitteeOpinionRecorded>(events[^1]);

        var masked = Assert.IsType<ApplicationReceived>(CaseRedaction.For(received, CaseVisibility.Masked));
        var forRespondent = Assert.IsType<ApplicationReceived>(CaseRedaction.For(received, CaseVisibility.Respondent));

        Assert.Equal(("2101**********4514", "138****5678"), (masked.Applicant.IdNumber, masked.Applicant.Phone));
        Assert.NotNull(masked.Applicant.Address);
        Assert.Null(forRespondent.Applicant.Address);
        Assert.Equal("建议撤销", ((CommitteeOpinionRecorded)CaseRedaction.For(opinion, CaseVisibility.Masked)).Opinion);
        Assert.Equal(CaseRedaction.Withheld, ((CommitteeOpinionRecorded)CaseRedaction.For(opinion, CaseVisibility.Respondent)).Opinion);
        Assert.Same(received, CaseRedaction.For(received, CaseVisibility.Full));
        Assert.Same(events[1], CaseRedaction.For(events[1], CaseVisibility.Respondent));
    }

    [Fact]
    public void An_out_of_scope_case_is_never_redacted_into_something_showable()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseRedaction.For(Case, CaseVisibility.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseRedaction.For(WithOpinion().Events[0], CaseVisibility.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseRedaction.For(Case, (CaseVisibility)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseRedaction.For(WithOpinion().Events[1], (CaseVisibility)42));
    }

    [Fact]
    public void Policy_and_redaction_together_give_each_role_its_view()
    {
        var supervisor = new Principal("u-city", "S-R210100", Role.Supervisor, "/R210000/R210100/");
        var agency = new Principal("u-agency", Agency.Id, Role.AgencyStaff, "/R210000/R210100/");

        Assert.Equal("2101**********4514", CaseRedaction.For(Case, CaseAccessPolicy.VisibilityOf(supervisor, Case)).Applicant.IdNumber);
        Assert.Null(CaseRedaction.For(Case, CaseAccessPolicy.VisibilityOf(agency, Case)).Applicant.Address);
    }
}
