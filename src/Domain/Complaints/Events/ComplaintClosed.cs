using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>办结.</summary>
public sealed record ComplaintClosed : ComplaintEvent
{
    public required DateOnly ClosedOn { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.CloseComplaint;
}
