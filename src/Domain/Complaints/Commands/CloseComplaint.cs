using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>办结.</summary>
public sealed record CloseComplaint : ComplaintCommand
{
    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.CloseComplaint;
}
