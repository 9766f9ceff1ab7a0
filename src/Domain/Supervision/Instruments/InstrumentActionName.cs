namespace CaseGrains.Domain.Supervision;

/// <summary>
/// Every action an instrument's history records: one per command, named as the command's JSON discriminator, plus the
/// three that create an instrument (<see cref="DraftOpinionLetter"/>, <see cref="DraftNotice"/>, <see cref="ConvertCase"/>).
/// System actions (<see cref="InstrumentActionNameExtensions"/>) are performed by the platform, never by a user.
/// </summary>
public enum InstrumentActionName
{
    DraftOpinionLetter,
    DraftNotice,
    ConvertCase,
    ReviseDraft,
    DiscardDraft,
    ApproveAndIssue,
    RecordReceipt,
    ReportRectification,
    AcceptRectification,
    SendBackRectification,
    OrderCompliance,
    SummonHead,
    CriticisePublicly,
    CloseInstrument,

    /// <summary>System: the agency's record absorbed further cases into an open notice.</summary>
    CiteCases,

    /// <summary>System: a reminder step of the rectification or compliance deadline, delivered by the deadline scheduler.</summary>
    FireInstrumentReminder,
}
