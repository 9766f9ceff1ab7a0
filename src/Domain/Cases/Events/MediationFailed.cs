using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>调解未达成协议: review goes on.</summary>
public sealed record MediationFailed : CaseEvent
{
    public required DateOnly FailedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordMediationFailure;
}
