using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

public sealed partial record AgencyRecord
{
    /// <summary>The record with each notice citing the cases <paramref name="cited"/> holds under its id, in citation order,
    /// instead of what it cited: how a record stored apart from its citations gets them back once its findings are set
    /// (the order is by the day of each case's finding).</summary>
    public AgencyRecord WithCitations(ILookup<string, string> cited)
    {
        ArgumentNullException.ThrowIfNull(cited);
        return this with { Notices = [.. Notices.Select(n => n with { CitedCaseIds = InCitationOrder(cited[n.Id]) })] };
    }

    private Transition<AgencyRecord, AgencyEvent> Execute(TrackNotice command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.NoticeId))
        {
            return Refuse(Refusal.Required("noticeId"));
        }

        if (command.CaseIds is null || command.CaseIds.Count == 0 || command.CaseIds.Any(string.IsNullOrWhiteSpace))
        {
            return Refuse(Refusal.Required("caseIds"));
        }

        if (Notices.Any(n => n.Id == command.NoticeId))
        {
            return Unchanged("notice_already_tracked", "该通知书已经记录", $"Notice {command.NoticeId} is already on the record.");
        }

        var flaws = (command.Flaws ?? []).Distinct().Order().ToList();
        var notice = new AgencyNotice
        {
            Id = command.NoticeId,
            Origin = InstrumentOrigin.CaseConversion,
            Flaws = flaws,
            CitedCaseIds = InCitationOrder(command.CaseIds),
            DraftedOn = context.Today,
        };
        return Succeed(
            this with { Notices = [.. Notices, notice] },
            new NoticeTracked { NoticeId = notice.Id, Flaws = flaws, CaseIds = notice.CitedCaseIds, TrackedOn = context.Today });
    }

    private Transition<AgencyRecord, AgencyEvent> Execute(RecordNoticeFinished command, CaseContext context)
    {
        if (Notices.FirstOrDefault(n => n.Id == command.NoticeId) is not { } notice)
        {
            return Refuse(Refusal.Invalid("noticeId", "notice_not_found", "没有该通知书", $"Agency {Id} has no notice {command.NoticeId}."));
        }

        if (!notice.IsOpen)
        {
            return Unchanged("notice_already_finished", "该通知书已经办结", $"Notice {notice.Id} stopped absorbing cases on {notice.FinishedOn:yyyy-MM-dd}.");
        }

        var finished = notice with { FinishedOn = context.Today };
        return Succeed(
            this with { Notices = [.. Notices.Select(n => n.Id == notice.Id ? finished : n)] },
            new NoticeFinished { NoticeId = notice.Id, FinishedOn = context.Today });
    }
}
