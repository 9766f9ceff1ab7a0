using CaseGrains.Domain.Access;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Notifications;

/// <summary>
/// The notices a fired step of a complaint's answer period sends. The handling office's supervisors
/// (<see cref="NotificationAudience.CaseOfficers"/>) are told of every step. A supervision office has no role of its
/// own for its head, so the overdue step, which is for the head too (<see cref="NotificationAudience.HeadOfBody"/>),
/// goes to the whole office instead, once. The complainant is never told by the platform: they are answered in writing.
/// Notices leave the platform by webhook, so they name the complaint and the step, never the complainant.
/// </summary>
public static class ComplaintReminderNotices
{
    public static IReadOnlyList<CaseNotice> For(EnforcementComplaint complaint, ComplaintReminderFired fired)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(fired);
        var recipient = fired.Audiences.Contains(NotificationAudience.HeadOfBody)
            ? NoticeRecipient.Organisation(complaint.HandlingOfficeId)
            : fired.Audiences.Contains(NotificationAudience.CaseOfficers)
                ? NoticeRecipient.Organisation(complaint.HandlingOfficeId, Role.Supervisor)
                : null;
        return recipient is null ? [] : [new CaseNotice(recipient, Title(complaint.Id, fired), Text(complaint, fired))];
    }

    private static string Title(string complaintId, ComplaintReminderFired fired) => fired.Step switch
    {
        ReminderStep.AdvanceWarning => $"【临期提醒】投诉举报{complaintId}的答复期限将于{Date(fired.DueOn)}届满",
        ReminderStep.DueToday => $"【到期提醒】投诉举报{complaintId}的答复期限今日（{Date(fired.DueOn)}）届满",
        _ => $"【逾期】投诉举报{complaintId}的答复期限已于{Date(fired.DueOn)}届满",
    };

    private static string Text(EnforcementComplaint complaint, ComplaintReminderFired fired) => fired.Step switch
    {
        ReminderStep.AdvanceWarning => $"涉及{complaint.AgencyName}的投诉举报应于{Date(fired.DueOn)}前答复投诉举报人，请及时办理。",
        ReminderStep.DueToday => $"涉及{complaint.AgencyName}的投诉举报答复期限今日届满，请在今日内答复投诉举报人。",
        _ => $"涉及{complaint.AgencyName}的投诉举报未在答复期限内答复，已计入逾期未答复统计，请尽快答复并说明情况。",
    };

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
