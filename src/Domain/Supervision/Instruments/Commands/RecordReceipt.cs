using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>送达: the agency received the instrument (the delivery receipt, 送达回证); its rectification period runs from
/// that day (Art. 76: 自收到之日起).</summary>
public sealed record RecordReceipt : InstrumentCommand
{
    /// <summary>The day of receipt, when it is recorded later; today when not given.</summary>
    public DateOnly? ReceivedOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.RecordReceipt;
}
