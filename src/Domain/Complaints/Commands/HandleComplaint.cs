using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Complaints;

/// <summary>办理完毕: substantiated, naming what was wrong, the corrective action ordered and its basis; or not substantiated.</summary>
public sealed record HandleComplaint : ComplaintCommand
{
    public required bool Substantiated { get; init; }

    public IReadOnlyList<FlawKind> Flaws { get; init; } = [];

    public string? CorrectiveAction { get; init; }

    public string? LegalBasis { get; init; }

    public required string Summary { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.HandleComplaint;
}
