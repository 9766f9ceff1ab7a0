using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Notifications;

/// <summary>
/// The notices a fired reminder step sends: one per audience the step names (<see cref="ReminderFired.Audiences"/>),
/// resolved from the case. Case officers and the head of the body are the competent body's members with that role;
/// the respondent is the whole agency; the applicant is told only when they filed through their own account (others
/// are told by post or in person, outside the platform); the supervision office is the justice department nearest the
/// case's region, found by the caller, and is skipped when the region has none.
/// </summary>
public static class ReminderNotices
{
    public static IReadOnlyList<CaseNotice> For(ReconsiderationCase @case, ReminderFired fired, string? supervisionOfficeId)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(fired);
        var title = Title(@case.Id, fired);
        var text = Text(fired);
        return [.. fired.Audiences
            .Distinct()
            .Select(audience => RecipientOf(audience, @case, supervisionOfficeId))
            .OfType<NoticeRecipient>()
            .Select(recipient => new CaseNotice(recipient, title, text))];
    }

    private static NoticeRecipient? RecipientOf(NotificationAudience audience, ReconsiderationCase @case, string? supervisionOfficeId) => audience switch
    {
        NotificationAudience.CaseOfficers => NoticeRecipient.Organisation(@case.CompetentBodyId, Role.CaseOfficer),
        NotificationAudience.HeadOfBody => NoticeRecipient.Organisation(@case.CompetentBodyId, Role.BodyHead),
        NotificationAudience.RespondentAgency => NoticeRecipient.Organisation(@case.RespondentAgencyId),
        NotificationAudience.SupervisionOffice when supervisionOfficeId is not null => NoticeRecipient.Organisation(supervisionOfficeId),
        NotificationAudience.Applicant when @case.ApplicantUserId is not null => NoticeRecipient.User(@case.ApplicantUserId),
        _ => null,
    };

    private static string Title(string caseId, ReminderFired fired) => fired.Step switch
    {
        ReminderStep.AdvanceWarning => $"【临期提醒】案件{caseId}的{NameOf(fired.Kind)}将于{Date(fired.DueOn)}届满",
        ReminderStep.DueToday => $"【到期提醒】案件{caseId}的{NameOf(fired.Kind)}今日（{Date(fired.DueOn)}）届满",
        _ => $"【逾期】案件{caseId}的{NameOf(fired.Kind)}已于{Date(fired.DueOn)}届满",
    };

    private static string Text(ReminderFired fired) => fired.Consequence switch
    {
        ReminderConsequence.AcceptedByOperationOfLaw => "审查期限内未作出是否受理的决定，依照《中华人民共和国行政复议法》第三十条，该申请自审查期限届满之日起视为受理。",
        ReminderConsequence.ApplicationAbandoned => "申请人无正当理由逾期未补正，依照《中华人民共和国行政复议法》第三十一条，视为申请人放弃行政复议申请。",
        ReminderConsequence.NoReplyRecorded => "被申请人逾期未提出书面答复、提交作出行政行为的证据和依据，依照《中华人民共和国行政复议法》第七十条，视为该行政行为没有证据、依据。",
        ReminderConsequence.DecisionOverdue => "行政复议决定未在法定期限内作出，已报告行政复议机构负责人和行政执法监督机构，本案计入超期统计。",
        _ when fired.Step == ReminderStep.Overdue => $"{NameOf(fired.Kind)}已经届满，请尽快处理并说明情况。",
        _ when fired.Step == ReminderStep.DueToday => $"{NameOf(fired.Kind)}今日届满，请在今日内完成。",
        _ => $"{NameOf(fired.Kind)}将于{Date(fired.DueOn)}届满，请及时办理。",
    };

    private static string NameOf(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Review => "受理审查期限",
        DeadlineKind.Correction => "补正期限",
        DeadlineKind.CopyToRespondent => "发送申请书副本期限",
        DeadlineKind.Reply => "被申请人答复期限",
        DeadlineKind.HearingNotice => "听证通知期限",
        DeadlineKind.Decision => "行政复议审理期限",
        _ => kind.ToString(),
    };

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
