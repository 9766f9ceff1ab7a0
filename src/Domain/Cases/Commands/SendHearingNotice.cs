using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>听证通知 (Art. 51).</summary>
public sealed record SendHearingNotice : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.SendHearingNotice;
}
