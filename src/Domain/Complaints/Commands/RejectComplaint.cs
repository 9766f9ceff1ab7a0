using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>不予受理: out of scope; the reasons are what the complainant will be told.</summary>
public sealed record RejectComplaint : ComplaintCommand
{
    public required ComplaintRejectionGround Ground { get; init; }

    public required string Reasons { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.RejectComplaint;
}
