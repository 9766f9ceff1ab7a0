namespace CaseGrains.Domain.Complaints;

/// <summary>Every action a complaint's history records: one per command, named as the command's JSON discriminator, plus
/// <see cref="ReceiveComplaint"/> for the entry that creates it. <see cref="FireComplaintReminder"/> is a system action.</summary>
public enum ComplaintActionName
{
    ReceiveComplaint,
    VerifyComplaint,
    RejectComplaint,
    HandleComplaint,
    AnswerComplainant,
    CloseComplaint,

    /// <summary>System: a reminder step of the answer period, delivered by the deadline scheduler.</summary>
    FireComplaintReminder,
}
