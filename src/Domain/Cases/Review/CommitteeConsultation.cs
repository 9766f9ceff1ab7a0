namespace CaseGrains.Domain.Cases;

/// <summary>The consultation of the reconsideration committee (行政复议委员会咨询意见, Art. 52).</summary>
public sealed record CommitteeConsultation
{
    public required DateOnly RequestedOn { get; init; }

    public string? Opinion { get; init; }

    public DateOnly? OpinionRecordedOn { get; init; }
}
