using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>听证 held.</summary>
public sealed record HearingHeld : CaseEvent
{
    public required DateOnly HeldOn { get; init; }

    public required string Summary { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.HoldHearing;
}
