using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>不予制发: the draft is not issued; <see cref="InstrumentCommand.Reason"/> says why and is required.</summary>
public sealed record DiscardDraft : InstrumentCommand
{
    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.DiscardDraft;
}
