using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>The deadline of <paramref name="kind"/> in force, or null when none was ever started.</summary>
    public Deadline? CurrentDeadline(DeadlineKind kind) => Deadlines.LastOrDefault(d => d.Kind == kind);

    /// <summary>The deadline in force of each kind the case has run, in the order the kinds were first started.</summary>
    /// <remarks>A loop rather than a grouping: every commit asks for the nearest of them (the list's sort column),
    /// and a case has a handful of deadlines.</remarks>
    public IReadOnlyList<Deadline> CurrentDeadlines()
    {
        var current = new List<Deadline>(Deadlines.Count);
        foreach (var deadline in Deadlines)
        {
            var at = current.FindIndex(d => d.Kind == deadline.Kind);
            if (at < 0)
            {
                current.Add(deadline);
            }
            else
            {
                current[at] = deadline;
            }
        }

        return current;
    }

    /// <summary>The status on <paramref name="date"/> of each current deadline.</summary>
    public IReadOnlyDictionary<DeadlineKind, DeadlineStatus> DeadlineStatusesOn(DateOnly date) =>
        CurrentDeadlines().ToDictionary(d => d.Kind, d => d.StatusOn(date));

    /// <summary>The earliest due date among running deadlines, overdue ones included, for sorting case lists;
    /// null when nothing runs.</summary>
    public DateOnly? NearestRunningDueOn() =>
        CurrentDeadlines().Where(d => d.Phase == DeadlinePhase.Running).Select(d => (DateOnly?)d.DueOn).Min();

    private Deadline Current(DeadlineKind kind) =>
        CurrentDeadline(kind) ?? throw new InvalidOperationException($"Case {Id} has no {kind} deadline.");

    private ReconsiderationCase WithStarted(Deadline deadline) => this with { Deadlines = [.. Deadlines, deadline] };

    private ReconsiderationCase WithCurrent(DeadlineKind kind, Func<Deadline, Deadline> change)
    {
        var index = Deadlines.Select((d, i) => (d, i)).Last(x => x.d.Kind == kind).i;
        return this with { Deadlines = [.. Deadlines.Select((d, i) => i == index ? change(d) : d)] };
    }

    private ReconsiderationCase WithEveryDeadline(Func<Deadline, Deadline> change) =>
        this with { Deadlines = [.. Deadlines.Select(change)] };

    /// <summary>When a case ends, the decision period counts as met if the case ended in time; every other period
    /// no longer applies.</summary>
    private static Deadline SettleOnEnding(Deadline deadline, DateOnly today, WorkingDayCalendar calendar) => deadline switch
    {
        // A paused period's due date is stale: resuming first counts the days left from today.
        { Kind: DeadlineKind.Decision, Phase: DeadlinePhase.Paused } => deadline.Resume(today, calendar).Complete(today),
        { Kind: DeadlineKind.Decision, Phase: DeadlinePhase.Running } => deadline.Complete(today),
        { Phase: DeadlinePhase.Running or DeadlinePhase.Paused } => deadline.Cancel(today),
        _ => deadline,
    };
}
