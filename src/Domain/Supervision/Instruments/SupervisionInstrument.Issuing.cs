using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

public sealed partial record SupervisionInstrument
{
    /// <summary>
    /// Approved and issued under a number of its own series: this issuer, this kind, the year of issue. A number of another
    /// series is refused, so the grain rolls back the counter it drew from and no gap opens.
    /// </summary>
    private Transition<SupervisionInstrument, InstrumentEvent> Execute(ApproveAndIssue command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.ApprovedBy))
        {
            return Refuse(Refusal.Required("approvedBy"));
        }

        var today = context.Today;
        if (NumberRefusal(command.Number, today) is { } invalid)
        {
            return Refuse(invalid);
        }

        var number = command.Number!;
        return Succeed(
            this with { Status = InstrumentStatus.Issued, Number = number, ApprovedBy = command.ApprovedBy, IssuedOn = today },
            new InstrumentIssued { Number = number, ApprovedBy = command.ApprovedBy, IssuedOn = today });
    }

    private Refusal? NumberRefusal(DocumentNumber? number, DateOnly today)
    {
        if (number is null)
        {
            return Refusal.Required("number");
        }

        if (number.IssuingBodyId != IssuingBodyId)
        {
            return Refusal.Invalid("number.issuingBodyId", "number_of_another_body", "文号不属于制发机关", $"The number belongs to {number.IssuingBodyId}'s series; {Id} is issued by {IssuingBodyId}.");
        }

        if (number.Kind != Kind)
        {
            return Refusal.Invalid("number.kind", "number_of_another_kind", "文号不属于该类文书", $"The number belongs to the {number.Kind} series; {Id} is a {Kind}.");
        }

        if (number.Year != today.Year)
        {
            return Refusal.Invalid("number.year", "number_of_another_year", "文号年份应为制发年份", $"The number belongs to the series of {number.Year}; {Id} is issued in {today.Year}.");
        }

        if (number.Sequence < 1)
        {
            return Refusal.Invalid("number.sequence", "sequence_not_positive", "文号序号无效", "A number's sequence starts at 1.");
        }

        return string.IsNullOrWhiteSpace(number.Text) || number.Text.Length > TextLimits.Identifier
            ? Refusal.Invalid("number.text", "number_text_invalid", "文号无效", $"A printed number is 1-{TextLimits.Identifier} characters.")
            : null;
    }

    private Transition<SupervisionInstrument, InstrumentEvent> Execute(RecordReceipt command, CaseContext context)
    {
        var today = context.Today;
        var receivedOn = command.ReceivedOn ?? today;
        if (receivedOn > today)
        {
            return Refuse(Refusal.InTheFuture("receivedOn", receivedOn, today));
        }

        if (receivedOn < IssuedOn)
        {
            return Refuse(Refusal.Invalid("receivedOn", "received_before_issue", "送达日期不能早于制发日期", $"{Id} was issued on {IssuedOn:yyyy-MM-dd}, after {receivedOn:yyyy-MM-dd}."));
        }

        var rectification = Deadline.Start(RectificationPeriod, receivedOn, context.Calendar);
        return Succeed(
            WithStarted(rectification) with { Status = InstrumentStatus.Received, ReceivedOn = receivedOn },
            new InstrumentReceived { ReceivedOn = receivedOn, RectificationDueOn = rectification.DueOn });
    }
}
