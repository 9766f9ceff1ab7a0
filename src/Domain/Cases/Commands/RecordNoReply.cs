using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>被申请人逾期未答复 (Art. 70): the act is treated as having no evidence.</summary>
public sealed record RecordNoReply : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordNoReply;
}
