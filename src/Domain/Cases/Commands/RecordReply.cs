using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>被申请人提出书面答复 with its evidence (Art. 48, 54).</summary>
public sealed record RecordReply : CaseCommand
{
    /// <summary>The day the reply arrived; today when not given.</summary>
    public DateOnly? ReceivedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordReply;
}
