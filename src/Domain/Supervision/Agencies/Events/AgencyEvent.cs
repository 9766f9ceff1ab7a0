using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>A past-tense fact about an agency's record. Serialised with a <c>type</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FindingRecorded), "findingRecorded")]
[JsonDerivedType(typeof(NoticeTracked), "noticeTracked")]
[JsonDerivedType(typeof(NoticeFinished), "noticeFinished")]
public abstract record AgencyEvent
{
    [JsonIgnore]
    public abstract AgencyActionName Action { get; }
}
