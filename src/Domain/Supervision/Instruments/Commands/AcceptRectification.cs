using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>整改验收通过: the issuer accepts the report.</summary>
public sealed record AcceptRectification : InstrumentCommand
{
    public string? Opinion { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.AcceptRectification;
}
