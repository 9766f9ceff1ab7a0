using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>不予受理.</summary>
public sealed record ComplaintRejected : ComplaintEvent
{
    public required ComplaintRejectionGround Ground { get; init; }

    public required string Reasons { get; init; }

    public required DateOnly RejectedOn { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.RejectComplaint;
}
