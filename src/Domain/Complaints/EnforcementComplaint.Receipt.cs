using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.PersonalData;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Complaints;

public sealed partial record EnforcementComplaint
{
    /// <summary>Opens a complaint and starts the answer period from the day of receipt.</summary>
    /// <exception cref="ArgumentException">The routing was resolved for another agency, the agency is not an enforcement
    /// agency or the path is not its region's, or the period is not an answer period: bugs in the caller, not bad input.</exception>
    public static Transition<EnforcementComplaint, ComplaintEvent> Receive(
        string id, ReceiveComplaint command, ComplaintRouting routing, StatutoryPeriod answerPeriod, CaseContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(answerPeriod);
        ArgumentNullException.ThrowIfNull(context);
        if (routing.Agency.Id != command.AgencyId || routing.Agency.Kind != OrganisationKind.EnforcementAgency)
        {
            throw new ArgumentException($"The routing names {routing.Agency.Id} ({routing.Agency.Kind}), not the enforcement agency {command.AgencyId}.", nameof(routing));
        }

        if (!RegionPaths.IsWellFormed(routing.RegionPath) || RegionPaths.SelfAndAncestors(routing.RegionPath)[0] != routing.Agency.RegionId)
        {
            throw new ArgumentException($"'{routing.RegionPath}' is not the path of the agency's region {routing.Agency.RegionId}.", nameof(routing));
        }

        if (answerPeriod.Kind != DeadlineKind.ComplaintAnswer)
        {
            throw new ArgumentException($"A complaint runs an answer period, not {answerPeriod.Kind}.", nameof(answerPeriod));
        }

        var today = context.Today;
        var receivedOn = command.ReceivedOn ?? today;
        if (ReceiptRefusal(command, receivedOn, today) is { } invalid)
        {
            return Refuse(invalid);
        }

        var answer = Deadline.Start(answerPeriod, receivedOn, context.Calendar);
        var complainant = command.Complainant is { } c ? c with { Phone = c.Phone is null ? null : PhoneNumber.Normalise(c.Phone) } : null;
        var state = new EnforcementComplaint
        {
            Id = id,
            Kind = command.Kind,
            Status = ComplaintStatus.Received,
            Complainant = complainant,
            AgencyId = routing.Agency.Id,
            AgencyName = routing.Agency.Name,
            RegionPath = routing.RegionPath,
            HandlingOfficeId = routing.HandlingOfficeId,
            Conduct = command.Conduct,
            ReceivedOn = receivedOn,
            AnswerPeriod = answerPeriod,
            Deadlines = [answer],
        };
        return Succeed(state, new ComplaintReceived
        {
            Kind = state.Kind,
            Complainant = complainant,
            AgencyId = state.AgencyId,
            AgencyName = state.AgencyName,
            RegionPath = state.RegionPath,
            HandlingOfficeId = state.HandlingOfficeId,
            Conduct = state.Conduct,
            ReceivedOn = receivedOn,
            AnswerDueOn = answer.DueOn,
        });
    }

    private static Refusal? ReceiptRefusal(ReceiveComplaint command, DateOnly receivedOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(command.Conduct))
        {
            return Refusal.Required("conduct");
        }

        if (command.Conduct.Length > TextLimits.Text)
        {
            return Refusal.Invalid("conduct", "text_too_long", "内容超过长度限制", $"conduct is longer than {TextLimits.Text} characters.");
        }

        if (receivedOn > today)
        {
            return Refusal.InTheFuture("receivedOn", receivedOn, today);
        }

        if (command.Complainant is not { } complainant)
        {
            return command.Kind == ComplaintKind.Complaint
                ? Refusal.Invalid("complainant", "complainant_required", "投诉应当载明投诉人", "A complaint names the person or organisation who complains; only a report may be anonymous.")
                : null;
        }

        if (string.IsNullOrWhiteSpace(complainant.Name) || complainant.Name.Length > TextLimits.Identifier)
        {
            return Refusal.Invalid("complainant.name", "value_required", "投诉举报人姓名无效", $"complainant.name is 1-{TextLimits.Identifier} characters.");
        }

        return complainant.Phone is not null && !PhoneNumber.IsValid(complainant.Phone)
            ? Refusal.Invalid("complainant.phone", "phone_invalid", "联系电话格式不正确", "complainant.phone is not a mainland mobile or landline number.")
            : null;
    }
}
