using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>视为放弃申请 (Art. 31): the correction period ran out without a correction.</summary>
public sealed record DeclareAbandoned : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.DeclareAbandoned;
}
