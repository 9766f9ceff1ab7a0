using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>核查受理.</summary>
public sealed record ComplaintVerified : ComplaintEvent
{
    public required string Summary { get; init; }

    public required DateOnly VerifiedOn { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.VerifyComplaint;
}
