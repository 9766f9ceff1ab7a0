using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>不予受理.</summary>
public sealed record ApplicationNotAccepted : CaseEvent
{
    public required NotAcceptanceGround Ground { get; init; }

    public required string Reasons { get; init; }

    public string? CompetentBodyId { get; init; }

    public required DateOnly DecidedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.NotAccept;
}
