using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>不予受理 (Art. 30).</summary>
public sealed record NotAccept : CaseCommand
{
    public required NotAcceptanceGround Ground { get; init; }

    public required string Reasons { get; init; }

    /// <summary>The body to apply to instead; required when the ground is <see cref="NotAcceptanceGround.WrongJurisdiction"/>.</summary>
    public string? CompetentBodyId { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.NotAccept;
}
