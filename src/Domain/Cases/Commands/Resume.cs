using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>恢复审理 (Art. 39(2)): the periods run on with the days that were left.</summary>
public sealed record Resume : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Resume;
}
