using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>被申请人书面答复 received.</summary>
public sealed record ReplyReceived : CaseEvent
{
    public required DateOnly ReceivedOn { get; init; }

    public required DateOnly ReplyDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordReply;
}
