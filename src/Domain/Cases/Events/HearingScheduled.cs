using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>听证 scheduled (or moved); the notice must go out by NoticeDueOn.</summary>
public sealed record HearingScheduled : CaseEvent
{
    public required DateOnly HearingOn { get; init; }

    public required DateOnly NoticeDueOn { get; init; }

    public DateOnly? PreviousHearingOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.ScheduleHearing;
}
