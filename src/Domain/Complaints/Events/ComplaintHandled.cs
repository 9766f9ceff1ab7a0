using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Complaints;

/// <summary>办理完毕. When substantiated, the grain tells the agency (<see cref="EnforcementComplaint.Finding"/>).</summary>
public sealed record ComplaintHandled : ComplaintEvent
{
    public required bool Substantiated { get; init; }

    public required IReadOnlyList<FlawKind> Flaws { get; init; }

    public string? CorrectiveAction { get; init; }

    public string? LegalBasis { get; init; }

    public required string Summary { get; init; }

    public required DateOnly HandledOn { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.HandleComplaint;
}
