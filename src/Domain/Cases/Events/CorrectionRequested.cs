using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>补正通知 sent; the applicant's correction period runs.</summary>
public sealed record CorrectionRequested : CaseEvent
{
    public required IReadOnlyList<string> MissingItems { get; init; }

    public required DateOnly RequestedOn { get; init; }

    public required DateOnly CorrectionDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RequestCorrection;
}
