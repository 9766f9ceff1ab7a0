using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>结案.</summary>
public sealed record CaseClosed : CaseEvent
{
    public required DateOnly ClosedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Close;
}
