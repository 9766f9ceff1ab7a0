using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>A past-tense fact about a complaint: the payload of one history entry. Serialised with a <c>type</c>
/// discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ComplaintReceived), "complaintReceived")]
[JsonDerivedType(typeof(ComplaintVerified), "complaintVerified")]
[JsonDerivedType(typeof(ComplaintRejected), "complaintRejected")]
[JsonDerivedType(typeof(ComplaintHandled), "complaintHandled")]
[JsonDerivedType(typeof(ComplainantAnswered), "complainantAnswered")]
[JsonDerivedType(typeof(ComplaintClosed), "complaintClosed")]
[JsonDerivedType(typeof(ComplaintReminderFired), "complaintReminderFired")]
public abstract record ComplaintEvent
{
    /// <summary>The action that produced the event, for the history's action column.</summary>
    [JsonIgnore]
    public abstract ComplaintActionName Action { get; }
}
