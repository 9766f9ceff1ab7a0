using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Notifications;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Notifications;

/// <summary>Who is told of each fired step, and what they read.</summary>
public sealed class ReminderNoticesTests
{
    private const string SupervisionOffice = "S-R210100";

    private static ReminderFired Fired(DeadlineKind kind, ReminderStep step, ReminderConsequence? consequence = null) => new()
    {
        Kind = kind,
        DeadlineId = 0,
        Step = step,
        DueOn = D(2026, 12, 4),
        FiredOn = D(2026, 12, 4),
        Audiences = ReminderAudiences.For(kind, step),
        Consequence = consequence,
    };

    private static ReconsiderationCase Case(string? applicantUserId = null) =>
        Given.CaseReceivedOn(D(2026, 11, 30)).State with { ApplicantUserId = applicantUserId };

    [Fact]
    public void An_advance_warning_goes_to_the_case_officers_of_the_competent_body_and_names_the_period_and_its_last_day()
    {
        var notice = Assert.Single(ReminderNotices.For(Case(), Fired(DeadlineKind.Reply, ReminderStep.AdvanceWarning), SupervisionOffice));

        Assert.Equal((CompetentBody.Id, Role.CaseOfficer, null), (notice.Recipient.OrganisationId, notice.Recipient.Role, notice.Recipient.UserId));
        Assert.Equal("【临期提醒】案件FY-2025-0001的被申请人答复期限将于2026年12月4日届满", notice.Title);
    }

    [Fact]
    public void An_overdue_decision_goes_to_the_head_of_the_body_and_to_the_supervision_office_with_its_consequence()
    {
        var notices = ReminderNotices.For(Case(), Fired(DeadlineKind.Decision, ReminderStep.Overdue, ReminderConsequence.DecisionOverdue), SupervisionOffice);

        Assert.Equal(
            [(CompetentBody.Id, (Role?)Role.BodyHead), (SupervisionOffice, null)],
            notices.Select(n => (n.Recipient.OrganisationId, n.Recipient.Role)));
        Assert.All(notices, n => Assert.StartsWith("【逾期】", n.Title, StringComparison.Ordinal));
        Assert.All(notices, n => Assert.Contains("超期统计", n.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_supervision_office_for_the_region_the_head_of_the_body_is_still_told()
    {
        var notice = Assert.Single(ReminderNotices.For(Case(), Fired(DeadlineKind.Decision, ReminderStep.Overdue, ReminderConsequence.DecisionOverdue), null));

        Assert.Equal(Role.BodyHead, notice.Recipient.Role);
    }

    [Fact]
    public void An_applicant_is_told_of_an_overdue_review_in_their_own_account_only_when_they_filed_through_one()
    {
        var fired = Fired(DeadlineKind.Review, ReminderStep.Overdue, ReminderConsequence.AcceptedByOperationOfLaw);

        var withAccount = ReminderNotices.For(Case("u-applicant"), fired, SupervisionOffice);
        var withoutAccount = ReminderNotices.For(Case(), fired, SupervisionOffice);

        Assert.Contains(withAccount, n => n.Recipient.UserId == "u-applicant" && n.Text.Contains("第三十条", StringComparison.Ordinal));
        Assert.DoesNotContain(withoutAccount, n => n.Recipient.UserId is not null);
        Assert.Contains(withoutAccount, n => n.Recipient.Role == Role.CaseOfficer);
    }

    [Fact]
    public void An_overdue_reply_goes_to_the_whole_respondent_agency()
    {
        var notices = ReminderNotices.For(Case(), Fired(DeadlineKind.Reply, ReminderStep.Overdue, ReminderConsequence.NoReplyRecorded), SupervisionOffice);

        Assert.Contains(notices, n => n.Recipient.OrganisationId == Agency.Id && n.Recipient.Role is null && n.Text.Contains("第七十条", StringComparison.Ordinal));
    }
}
