using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

public sealed partial record SupervisionInstrument
{
    /// <summary>The report answers every period still waiting for it, met or missed; a late report is still taken.</summary>
    private Transition<SupervisionInstrument, InstrumentEvent> Execute(ReportRectification command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            return Refuse(Refusal.Required("text"));
        }

        if (AttachmentsRefusal(command.Attachments ?? []) is { } invalid)
        {
            return Refuse(invalid);
        }

        var today = context.Today;
        var late = Deadlines.Any(d => AwaitsReport(d) && today > d.DueOn);
        var attachments = (command.Attachments ?? []).Select(a => a.Normalised()).ToList();
        var report = new RectificationReport { Text = command.Text, Attachments = attachments, ReportedOn = today, Late = late };
        var state = this with
        {
            Status = InstrumentStatus.RectificationReported,
            Reports = [.. Reports, report],
            Deadlines = [.. Deadlines.Select(d => AwaitsReport(d) ? d.Complete(today) : d)],
        };
        return Succeed(state, new RectificationReported { Text = command.Text, Attachments = attachments, ReportedOn = today, Late = late });
    }

    private static Refusal? AttachmentsRefusal(IReadOnlyList<Attachment> attachments)
    {
        for (var i = 0; i < attachments.Count; i++)
        {
            if (attachments[i] is null)
            {
                return Refusal.Required($"attachments[{i}]");
            }

            if (attachments[i].Error() is { } error)
            {
                return Refusal.Invalid($"attachments[{i}].{error.Field}", "attachment_invalid", "附件信息无效", $"attachments[{i}]: {error.Message}.");
            }

            var earlier = attachments.Take(i).ToList().FindIndex(a => string.Equals(a.Sha256, attachments[i].Sha256, StringComparison.OrdinalIgnoreCase));
            if (earlier >= 0)
            {
                return Refusal.Invalid($"attachments[{i}].sha256", "duplicate_attachment", "附件重复", $"attachments[{i}] has the same content as attachments[{earlier}].");
            }
        }

        return null;
    }

    private Transition<SupervisionInstrument, InstrumentEvent> Execute(AcceptRectification command, CaseContext context)
    {
        var today = context.Today;
        var review = new ReportReview { Accepted = true, Opinion = command.Opinion, ReviewedOn = today };
        return Succeed(
            this with { Status = InstrumentStatus.Accepted, AcceptedOn = today, Reports = WithLastReviewed(review) },
            new RectificationAccepted { Opinion = command.Opinion, AcceptedOn = today });
    }

    /// <summary>Sent back with a new date to report by, counted as a natural-day period from today, so that a rest day moves
    /// it to the next working day (Art. 88).</summary>
    private Transition<SupervisionInstrument, InstrumentEvent> Execute(SendBackRectification command, CaseContext context)
    {
        var today = context.Today;
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Refuse(Refusal.Required("reason"));
        }

        if (command.ResubmitBy <= today)
        {
            return Refuse(Refusal.NotAfterToday("resubmitBy", command.ResubmitBy, today));
        }

        if (FutureDateLimit.Exceeds(command.ResubmitBy, today))
        {
            return Refuse(Refusal.TooFarAhead("resubmitBy", command.ResubmitBy, today));
        }

        var period = SupervisionPeriods.Until(DeadlineKind.Rectification, today, command.ResubmitBy, RectificationPeriod.Basis);
        var again = Deadline.Start(period, today, context.Calendar);
        var review = new ReportReview { Accepted = false, Opinion = command.Reason, ReviewedOn = today, ResubmitDueOn = again.DueOn };
        return Succeed(
            WithStarted(again) with { Status = InstrumentStatus.SentBack, Reports = WithLastReviewed(review) },
            new RectificationSentBack { Reason = command.Reason, SentBackOn = today, ResubmitDueOn = again.DueOn });
    }

    private Transition<SupervisionInstrument, InstrumentEvent> Execute(CloseInstrument command, CaseContext context) =>
        Succeed(this with { Status = InstrumentStatus.Closed, ClosedOn = context.Today }, new InstrumentClosed { ClosedOn = context.Today });

    private IReadOnlyList<RectificationReport> WithLastReviewed(ReportReview review) =>
        [.. Reports.Select((r, i) => i == Reports.Count - 1 ? r with { Review = review } : r)];
}
