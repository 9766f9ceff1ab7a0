using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>结案.</summary>
public sealed record Close : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Close;
}
