namespace CaseGrains.Domain.Cases;

/// <summary>收件登记: an application (行政复议申请) arrives at an intake point and a case is opened for it.</summary>
public sealed record ReceiveApplication
{
    public required Applicant Applicant { get; init; }

    public required string RespondentAgencyId { get; init; }

    public required ChallengedAct ChallengedAct { get; init; }

    /// <summary>行政复议请求.</summary>
    public required string Claims { get; init; }

    public required ApplicationChannel Channel { get; init; }

    public required string IntakePointId { get; init; }

    /// <summary>涉企: counted for the enterprise green channel figures.</summary>
    public bool EnterpriseRelated { get; init; }

    /// <summary>The day the application arrived, when it is registered later; today when not given.</summary>
    public DateOnly? ReceivedOn { get; init; }
}
