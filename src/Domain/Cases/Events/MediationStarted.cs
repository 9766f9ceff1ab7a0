using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>调解 started.</summary>
public sealed record MediationStarted : CaseEvent
{
    public required DateOnly StartedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.StartMediation;
}
