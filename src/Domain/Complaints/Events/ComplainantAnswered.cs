using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>答复投诉举报人.</summary>
public sealed record ComplainantAnswered : ComplaintEvent
{
    public required string Summary { get; init; }

    public required DateOnly AnsweredOn { get; init; }

    public required bool Late { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.AnswerComplainant;
}
