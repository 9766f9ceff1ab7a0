using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>A message to an agency's record. Serialised with an <c>action</c> discriminator, the camelCase
/// <see cref="AgencyActionName"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(RecordFinding), "recordFinding")]
[JsonDerivedType(typeof(TrackNotice), "trackNotice")]
[JsonDerivedType(typeof(RecordNoticeFinished), "recordNoticeFinished")]
public abstract record AgencyCommand
{
    [JsonIgnore]
    public abstract AgencyActionName Action { get; }
}
