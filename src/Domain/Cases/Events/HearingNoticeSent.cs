using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>听证通知 sent.</summary>
public sealed record HearingNoticeSent : CaseEvent
{
    public required DateOnly SentOn { get; init; }

    public required DateOnly HearingOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.SendHearingNotice;
}
