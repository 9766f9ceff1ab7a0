using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>补正材料 received; the review period starts again.</summary>
public sealed record CorrectionSubmitted : CaseEvent
{
    public required DateOnly SubmittedOn { get; init; }

    public required DateOnly ReviewDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.SubmitCorrection;
}
