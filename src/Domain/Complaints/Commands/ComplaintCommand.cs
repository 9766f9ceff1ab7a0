using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>
/// An action on an existing complaint. Serialised with an <c>action</c> discriminator that is the camelCase
/// <see cref="ComplaintActionName"/>; <see cref="Reason"/> says why and is recorded in the history.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(VerifyComplaint), "verifyComplaint")]
[JsonDerivedType(typeof(RejectComplaint), "rejectComplaint")]
[JsonDerivedType(typeof(HandleComplaint), "handleComplaint")]
[JsonDerivedType(typeof(AnswerComplainant), "answerComplainant")]
[JsonDerivedType(typeof(CloseComplaint), "closeComplaint")]
[JsonDerivedType(typeof(FireComplaintReminder), "fireComplaintReminder")]
public abstract record ComplaintCommand
{
    public string? Reason { get; init; }

    [JsonIgnore]
    public abstract ComplaintActionName Action { get; }
}
