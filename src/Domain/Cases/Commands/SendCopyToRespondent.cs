using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>发送申请书副本 to the respondent (Art. 48, 54).</summary>
public sealed record SendCopyToRespondent : CaseCommand
{
    /// <summary>The day the respondent received the copy, from which its reply period runs; today when not given.</summary>
    public DateOnly? ReceivedByRespondentOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.SendCopyToRespondent;
}
