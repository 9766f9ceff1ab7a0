using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>收件登记: a case was opened for an application.</summary>
public sealed record ApplicationReceived : CaseEvent
{
    public required Applicant Applicant { get; init; }

    public required ChallengedAct ChallengedAct { get; init; }

    public required string Claims { get; init; }

    public required ApplicationChannel Channel { get; init; }

    public required bool EnterpriseRelated { get; init; }

    public required string IntakePointId { get; init; }

    public required string ReceivingBodyId { get; init; }

    public required string CompetentBodyId { get; init; }

    public required string RespondentAgencyId { get; init; }

    public required string RespondentAgencyName { get; init; }

    public required string RegionPath { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required FilingPeriod FilingPeriod { get; init; }

    public required DateOnly ReviewDueOn { get; init; }

    /// <summary>The account of an applicant who filed themselves; null when staff registered the application.</summary>
    public string? ApplicantUserId { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.ReceiveApplication;
}
