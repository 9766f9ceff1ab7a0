namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>What the law attaches to an overdue period, applied by the case when the overdue step fires.</summary>
public enum ReminderConsequence
{
    /// <summary>视为受理 (Art. 30): the review period ran out without a decision on the application.</summary>
    AcceptedByOperationOfLaw,

    /// <summary>视为放弃申请 (Art. 31): the correction period ran out.</summary>
    ApplicationAbandoned,

    /// <summary>被申请人逾期未答复 (Art. 70): the act is treated as having no evidence.</summary>
    NoReplyRecorded,

    /// <summary>超期未决 (Art. 62): the head of the body and the supervising justice department are told, and the case
    /// counts as overdue in statistics.</summary>
    DecisionOverdue,
}
