using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>立案前化解.</summary>
public sealed record ResolvedBeforeFiling : CaseEvent
{
    public required string Summary { get; init; }

    public required DateOnly ResolvedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.ResolveBeforeFiling;
}
