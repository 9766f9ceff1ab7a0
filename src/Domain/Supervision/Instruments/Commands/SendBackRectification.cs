using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>退回重报: the issuer sends the report back; <see cref="InstrumentCommand.Reason"/> says why and is required, and the
/// agency reports again by <see cref="ResubmitBy"/>.</summary>
public sealed record SendBackRectification : InstrumentCommand
{
    public required DateOnly ResubmitBy { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.SendBackRectification;
}
