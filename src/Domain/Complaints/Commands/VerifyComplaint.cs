using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>核查受理: the conduct is enforcement the office supervises; it takes the complaint up.</summary>
public sealed record VerifyComplaint : ComplaintCommand
{
    public required string Summary { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.VerifyComplaint;
}
