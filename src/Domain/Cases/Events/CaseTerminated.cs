using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>终止 on a ground of Art. 41.</summary>
public sealed record CaseTerminated : CaseEvent
{
    public required TerminationGround Ground { get; init; }

    public required DateOnly TerminatedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Terminate;
}
