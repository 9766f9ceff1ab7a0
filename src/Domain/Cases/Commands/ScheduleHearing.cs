using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>Schedules the hearing (听证, Art. 50), or moves it before it is held.</summary>
public sealed record ScheduleHearing : CaseCommand
{
    public required DateOnly HearingOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.ScheduleHearing;
}
