using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>中止 (Art. 39): the decision period stands still until resumption.</summary>
public sealed record Suspend : CaseCommand
{
    /// <summary>With <see cref="SuspensionGround.Other"/>, <see cref="CaseCommand.Reason"/> must say why.</summary>
    public required SuspensionGround Ground { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Suspend;
}
