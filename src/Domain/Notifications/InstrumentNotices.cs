using CaseGrains.Domain.Access;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Domain.Notifications;

/// <summary>
/// The notices a supervision instrument sends. A reminder step goes to the audiences it names
/// (<see cref="InstrumentReminders.AudiencesFor"/>): the agency; the issuer's officers (an opinion letter's body officers,
/// a notice's whole supervision office); the issuer's head (opinion letters only: a notice's issuer is the office itself);
/// and the supervision office the matter sits with after any escalation, found by the caller. A pattern notice's draft
/// goes to the office that is to issue it.
/// </summary>
public static class InstrumentNotices
{
    public static IReadOnlyList<CaseNotice> ForReminder(SupervisionInstrument instrument, InstrumentReminderFired fired, string? supervisorOfficeId)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(fired);
        var title = Title(instrument, fired);
        var text = Text(instrument, fired);
        return [.. fired.Audiences
            .Distinct()
            .Select(audience => RecipientOf(audience, instrument, supervisorOfficeId))
            .OfType<NoticeRecipient>()
            .DistinctBy(r => (r.OrganisationId, r.Role))
            .Select(recipient => new CaseNotice(recipient, title, text))];
    }

    /// <summary>The agency's record drafted a notice from a pattern: the office that issues it is to review and approve it.</summary>
    public static CaseNotice ForPatternDraft(SupervisionInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new CaseNotice(
            NoticeRecipient.Organisation(instrument.IssuingBodyId),
            $"【待审核】{instrument.AgencyName}存在普遍性、倾向性问题，已生成行政执法监督通知书草稿",
            $"{instrument.Problems}请审核后制发。");
    }

    private static NoticeRecipient? RecipientOf(NotificationAudience audience, SupervisionInstrument instrument, string? supervisorOfficeId) => audience switch
    {
        NotificationAudience.RespondentAgency => NoticeRecipient.Organisation(instrument.AgencyId),
        NotificationAudience.CaseOfficers => instrument.Kind == InstrumentKind.OpinionLetter
            ? NoticeRecipient.Organisation(instrument.IssuingBodyId, Role.CaseOfficer)
            : NoticeRecipient.Organisation(instrument.IssuingBodyId),
        NotificationAudience.HeadOfBody when instrument.Kind == InstrumentKind.OpinionLetter => NoticeRecipient.Organisation(instrument.IssuingBodyId, Role.BodyHead),
        NotificationAudience.SupervisionOffice when supervisorOfficeId is not null => NoticeRecipient.Organisation(supervisorOfficeId),
        _ => null,
    };

    private static string Title(SupervisionInstrument instrument, InstrumentReminderFired fired)
    {
        var what = $"{NameOf(instrument.Kind)}{instrument.Number?.Text ?? instrument.Id}的{NameOf(fired.Kind)}";
        return fired.Step switch
        {
            ReminderStep.AdvanceWarning => $"【临期提醒】{what}将于{Date(fired.DueOn)}届满",
            ReminderStep.DueToday => $"【到期提醒】{what}今日（{Date(fired.DueOn)}）届满",
            _ when fired.Escalation is not null => $"【逾期上报】{what}已于{Date(fired.DueOn)}届满，已逐级上报",
            _ => $"【逾期】{what}已于{Date(fired.DueOn)}届满",
        };
    }

    private static string Text(SupervisionInstrument instrument, InstrumentReminderFired fired) => fired.Step switch
    {
        ReminderStep.Overdue =>
            $"{instrument.AgencyName}逾期未报送整改情况。依照《中华人民共和国行政复议法》第七十七条，可以责令限期履行、约谈负责人或者予以通报批评。"
            + (fired.Escalation is { } up ? $"该事项已报上一级行政执法监督机构（{up.ToRegionPath}）。" : "")
            + (fired.NoHigherSupervisor ? "该事项已在省级行政执法监督机构，由其直接督办。" : ""),
        ReminderStep.DueToday => $"{instrument.AgencyName}应当于今日报送整改情况。",
        _ => $"{instrument.AgencyName}应当于{Date(fired.DueOn)}前报送整改情况。",
    };

    private static string NameOf(InstrumentKind kind) => kind == InstrumentKind.OpinionLetter ? "行政复议意见书" : "行政执法监督通知书";

    private static string NameOf(DeadlineKind kind) => kind == DeadlineKind.ComplianceOrder ? "责令履行期限" : "整改报送期限";

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
