using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>开始调解 (Art. 73).</summary>
public sealed record StartMediation : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.StartMediation;
}
