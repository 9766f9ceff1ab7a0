using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>立案前化解: the dispute was resolved before the application was accepted.</summary>
public sealed record ResolveBeforeFiling : CaseCommand
{
    /// <summary>How the dispute was resolved.</summary>
    public required string Summary { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.ResolveBeforeFiling;
}
