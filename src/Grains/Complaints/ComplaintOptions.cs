using CaseGrains.Domain.Complaints;

namespace CaseGrains.Grains.Complaints;

/// <summary>How complaints are handled in this province (configuration section <c>Complaints</c>).</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    /// <summary>Natural days from receipt to the answer to the complainant (答复期限), 1 to
    /// <see cref="ComplaintPeriods.MaxAnswerDays"/>; the provinces' rules differ. A complaint keeps the period in force
    /// when it was received.</summary>
    public int AnswerDays { get; set; } = ComplaintPeriods.DefaultAnswerDays;
}
