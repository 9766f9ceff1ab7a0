using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.PersonalData;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>
    /// Opens a case for an application (收件登记): counts the filing period (Art. 20, 21) and starts the review
    /// period (Art. 30) from the day of receipt. The applicant's ID and phone numbers are checked and stored
    /// normalised; the case records <see cref="ReceiptRouting.ApplicantUserId"/> when an applicant filed themselves.
    /// </summary>
    public static CaseTransition Receive(string caseId, ReceiveApplication command, ReceiptRouting routing, CaseContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(context);
        EnsureRoutingFits(command, routing);
        if (routing.ApplicantUserId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(routing.ApplicantUserId, nameof(routing));
        }

        var today = context.Today;
        var receivedOn = command.ReceivedOn ?? today;
        if (Validate(command, receivedOn, today) is { } invalid)
        {
            return Refuse(invalid);
        }

        var filingPeriod = FilingPeriod.For(command.ChallengedAct, receivedOn, context.Calendar);
        var review = Deadline.Start(StatutoryPeriods.Review, receivedOn, context.Calendar);
        var state = new ReconsiderationCase
        {
            Id = caseId,
            Status = CaseStatus.Received,
            Applicant = Normalised(command.Applicant),
            ApplicantUserId = routing.ApplicantUserId,
            ChallengedAct = command.ChallengedAct,
            Claims = command.Claims,
            Channel = command.Channel,
            EnterpriseRelated = command.EnterpriseRelated,
            IntakePointId = routing.IntakePoint.Id,
            ReceivingBodyId = routing.ReceivingBody.Id,
            CompetentBodyId = routing.CompetentBody.Id,
            RespondentAgencyId = routing.RespondentAgency.Id,
            RespondentAgencyName = routing.RespondentAgency.Name,
            RegionPath = routing.RegionPath,
            ReceivedOn = receivedOn,
            FilingPeriod = filingPeriod,
            Deadlines = [review],
        };
        return Succeed(state, new ApplicationReceived
        {
            Applicant = state.Applicant,
            ChallengedAct = state.ChallengedAct,
            Claims = state.Claims,
            Channel = state.Channel,
            EnterpriseRelated = state.EnterpriseRelated,
            IntakePointId = state.IntakePointId,
            ReceivingBodyId = state.ReceivingBodyId,
            CompetentBodyId = state.CompetentBodyId,
            RespondentAgencyId = state.RespondentAgencyId,
            RespondentAgencyName = state.RespondentAgencyName,
            RegionPath = state.RegionPath,
            ReceivedOn = receivedOn,
            FilingPeriod = filingPeriod,
            ReviewDueOn = review.DueOn,
            ApplicantUserId = state.ApplicantUserId,
        });
    }

    /// <summary>The routing is resolved from the command's own ids; a mismatch is a bug in the caller, not bad input.</summary>
    private static void EnsureRoutingFits(ReceiveApplication command, ReceiptRouting routing)
    {
        if (!string.Equals(routing.IntakePoint.Id, command.IntakePointId, StringComparison.Ordinal)
            || !string.Equals(routing.RespondentAgency.Id, command.RespondentAgencyId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The routing was resolved for another intake point or agency than the application names.", nameof(routing));
        }
    }

    private static CaseRefusal? Validate(ReceiveApplication command, DateOnly receivedOn, DateOnly today)
    {
        if (command.Applicant is null || string.IsNullOrWhiteSpace(command.Applicant.Name))
        {
            return CaseRefusal.Required("applicant.name");
        }

        if (TextLimits.FirstViolation(command) is { } tooLong)
        {
            return tooLong;
        }

        if (ValidatePersonalNumbers(command.Applicant) is { } invalidNumber)
        {
            return invalidNumber;
        }

        if (command.ChallengedAct is null || string.IsNullOrWhiteSpace(command.ChallengedAct.Description))
        {
            return CaseRefusal.Required("challengedAct.description");
        }

        if (string.IsNullOrWhiteSpace(command.Claims))
        {
            return CaseRefusal.Required("claims");
        }

        var act = command.ChallengedAct;
        if (act.ActOn > today)
        {
            return CaseRefusal.InTheFuture("challengedAct.actOn", act.ActOn, today);
        }

        if (act.KnownOn > today)
        {
            return CaseRefusal.InTheFuture("challengedAct.knownOn", act.KnownOn, today);
        }

        if (receivedOn > today)
        {
            return CaseRefusal.InTheFuture("receivedOn", receivedOn, today);
        }

        if (act.KnownOn < act.ActOn)
        {
            return CaseRefusal.Invalid(
                "challengedAct.knownOn",
                "known_before_act",
                "知道行政行为的日期不能早于行政行为作出日期",
                $"knownOn {act.KnownOn:yyyy-MM-dd} is before actOn {act.ActOn:yyyy-MM-dd}.");
        }

        if (receivedOn < act.KnownOn)
        {
            return CaseRefusal.Invalid(
                "receivedOn",
                "received_before_known",
                "收到申请的日期不能早于知道行政行为的日期",
                $"receivedOn {receivedOn:yyyy-MM-dd} is before knownOn {act.KnownOn:yyyy-MM-dd}.");
        }

        if (act.AmountYuan < 0)
        {
            return CaseRefusal.Invalid(
                "challengedAct.amountYuan",
                "negative_amount",
                "涉及金额不能为负数",
                $"amountYuan {act.AmountYuan} is negative.");
        }

        return null;
    }

    /// <summary>
    /// A person's ID number must be a valid resident identity number (GB 11643-1999, with its check character); an
    /// enterprise's or other organisation's is its unified social credit code and is not checked here. A phone number
    /// must be a mainland mobile or landline number. The refusal never repeats the value, which is personal data.
    /// </summary>
    private static CaseRefusal? ValidatePersonalNumbers(Applicant applicant)
    {
        if (applicant.Kind == ApplicantKind.Person && !string.IsNullOrWhiteSpace(applicant.IdNumber) && !ResidentIdNumber.IsValid(applicant.IdNumber))
        {
            return CaseRefusal.Invalid(
                "applicant.idNumber",
                "invalid_id_number",
                "公民身份号码无效（应为18位，出生日期和校验码正确）",
                "applicant.idNumber is not a valid 18-character resident identity number (GB 11643-1999): check the length, the birth date and the check character.");
        }

        if (!string.IsNullOrWhiteSpace(applicant.Phone) && !PhoneNumber.IsValid(applicant.Phone))
        {
            return CaseRefusal.Invalid(
                "applicant.phone",
                "invalid_phone",
                "联系电话无效（应为手机号码或带区号的固定电话）",
                "applicant.phone is neither a mainland mobile number (optionally +86) nor a landline written 0xx(x)-xxxxxxx(x).");
        }

        return null;
    }

    /// <summary>The applicant as stored: a person's ID number with an upper-case X, numbers trimmed, blanks as absent.</summary>
    private static Applicant Normalised(Applicant applicant) => applicant with
    {
        IdNumber = string.IsNullOrWhiteSpace(applicant.IdNumber) ? null
            : applicant.Kind == ApplicantKind.Person ? ResidentIdNumber.Normalise(applicant.IdNumber)
            : applicant.IdNumber.Trim(),
        Phone = string.IsNullOrWhiteSpace(applicant.Phone) ? null : PhoneNumber.Normalise(applicant.Phone),
    };
}
