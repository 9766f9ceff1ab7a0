using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>被申请人逾期未答复: the act is treated as having no evidence (Art. 70).</summary>
public sealed record NoReplyRecorded : CaseEvent
{
    public required DateOnly RecordedOn { get; init; }

    public required DateOnly ReplyDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordNoReply;
}
