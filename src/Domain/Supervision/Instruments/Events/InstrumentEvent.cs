using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>A past-tense fact about an instrument: the payload of one history entry. Serialised with a <c>type</c>
/// discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(InstrumentDrafted), "instrumentDrafted")]
[JsonDerivedType(typeof(DraftRevised), "draftRevised")]
[JsonDerivedType(typeof(DraftDiscarded), "draftDiscarded")]
[JsonDerivedType(typeof(InstrumentIssued), "instrumentIssued")]
[JsonDerivedType(typeof(InstrumentReceived), "instrumentReceived")]
[JsonDerivedType(typeof(RectificationReported), "rectificationReported")]
[JsonDerivedType(typeof(RectificationAccepted), "rectificationAccepted")]
[JsonDerivedType(typeof(RectificationSentBack), "rectificationSentBack")]
[JsonDerivedType(typeof(ComplianceOrdered), "complianceOrdered")]
[JsonDerivedType(typeof(HeadSummoned), "headSummoned")]
[JsonDerivedType(typeof(PubliclyCriticised), "publiclyCriticised")]
[JsonDerivedType(typeof(InstrumentClosed), "instrumentClosed")]
[JsonDerivedType(typeof(CasesCited), "casesCited")]
[JsonDerivedType(typeof(InstrumentReminderFired), "instrumentReminderFired")]
public abstract record InstrumentEvent
{
    /// <summary>The action that produced the event, for the history's action column.</summary>
    [JsonIgnore]
    public abstract InstrumentActionName Action { get; }
}
