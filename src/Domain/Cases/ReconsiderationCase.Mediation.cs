namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    private CaseTransition Execute(StartMediation command, CaseContext context) =>
        Succeed(
            this with { Status = CaseStatus.InMediation, Mediation = new() { StartedOn = context.Today } },
            new MediationStarted { StartedOn = context.Today });

    private CaseTransition Execute(RecordMediationAgreement command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Terms))
        {
            return Refuse(CaseRefusal.Required("terms"));
        }

        var state = this with { Mediation = Mediation! with { AgreementTerms = command.Terms, AgreedOn = context.Today } };
        return Succeed(
            state.EndedAs(CaseStatus.Mediated, CaseEnding.Mediated, context),
            new MediationAgreementSigned { Terms = command.Terms, SignedOn = context.Today });
    }

    private CaseTransition Execute(RecordMediationFailure command, CaseContext context) =>
        Succeed(
            this with { Status = CaseStatus.UnderReview, Mediation = Mediation! with { FailedOn = context.Today } },
            new MediationFailed { FailedOn = context.Today });

    private CaseTransition Execute(Settle command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Terms))
        {
            return Refuse(CaseRefusal.Required("terms"));
        }

        var state = this with { Settlement = new() { Terms = command.Terms, SettledOn = context.Today } };
        return Succeed(
            state.EndedAs(CaseStatus.Terminated, CaseEnding.Settled, context),
            new SettlementReached { Terms = command.Terms, SettledOn = context.Today });
    }
}
