namespace CaseGrains.Domain.Complaints;

/// <summary>Who brings the matter.</summary>
public enum ComplaintKind
{
    /// <summary>投诉: a person or organisation affected by the enforcement conduct; names themselves.</summary>
    Complaint,

    /// <summary>举报: anyone who reports enforcement misconduct; may stay anonymous.</summary>
    Report,
}
