namespace CaseGrains.Persistence.Complaints;

/// <summary>Complaint list orders; ties broken by id in the same direction, so pages are stable.</summary>
public enum ComplaintSort
{
    /// <summary>Nearest answer due date first; complaints no longer waiting for an answer last.</summary>
    AnswerDue,
    ReceivedNewestFirst,
}
