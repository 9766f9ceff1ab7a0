using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// An action on an existing instrument. Serialised with an <c>action</c> discriminator that is the camelCase
/// <see cref="InstrumentActionName"/>; <see cref="Reason"/> says why and is recorded in the history.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(ReviseDraft), "reviseDraft")]
[JsonDerivedType(typeof(DiscardDraft), "discardDraft")]
[JsonDerivedType(typeof(ApproveAndIssue), "approveAndIssue")]
[JsonDerivedType(typeof(RecordReceipt), "recordReceipt")]
[JsonDerivedType(typeof(ReportRectification), "reportRectification")]
[JsonDerivedType(typeof(AcceptRectification), "acceptRectification")]
[JsonDerivedType(typeof(SendBackRectification), "sendBackRectification")]
[JsonDerivedType(typeof(OrderCompliance), "orderCompliance")]
[JsonDerivedType(typeof(SummonHead), "summonHead")]
[JsonDerivedType(typeof(CriticisePublicly), "criticisePublicly")]
[JsonDerivedType(typeof(CloseInstrument), "closeInstrument")]
[JsonDerivedType(typeof(CiteCases), "citeCases")]
[JsonDerivedType(typeof(FireInstrumentReminder), "fireInstrumentReminder")]
public abstract record InstrumentCommand
{
    public string? Reason { get; init; }

    [JsonIgnore]
    public abstract InstrumentActionName Action { get; }
}
