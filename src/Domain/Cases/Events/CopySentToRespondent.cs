using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>申请书副本 sent; the respondent's reply period runs from its receipt.</summary>
public sealed record CopySentToRespondent : CaseEvent
{
    public required DateOnly SentOn { get; init; }

    public required DateOnly ReceivedByRespondentOn { get; init; }

    public required DateOnly ReplyDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.SendCopyToRespondent;
}
