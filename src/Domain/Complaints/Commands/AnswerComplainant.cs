using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>答复投诉举报人: after handling, or with the reasons for not taking it up.</summary>
public sealed record AnswerComplainant : ComplaintCommand
{
    public required string Summary { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.AnswerComplainant;
}
