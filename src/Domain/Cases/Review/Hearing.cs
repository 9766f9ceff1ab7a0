namespace CaseGrains.Domain.Cases;

/// <summary>The hearing (听证, Art. 50, 51): scheduled, notified at least five working days ahead, held.</summary>
public sealed record Hearing
{
    public required DateOnly HearingOn { get; init; }

    public required DateOnly ScheduledOn { get; init; }

    public DateOnly? NoticeSentOn { get; init; }

    public DateOnly? HeldOn { get; init; }

    public string? Summary { get; init; }
}
