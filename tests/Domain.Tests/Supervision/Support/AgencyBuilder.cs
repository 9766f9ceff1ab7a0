using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Cases.Support;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Tests.Supervision.Support;

/// <summary>Drives an agency's record through messages on a movable clock; every step must change the record.</summary>
internal sealed class AgencyBuilder(AgencyRecord state, DateOnly today)
{
    private readonly List<AgencyEvent> events = [];

    public AgencyRecord State { get; private set; } = state;

    public IReadOnlyList<AgencyEvent> Events => events;

    public DateOnly Today { get; private set; } = today;

    public PatternRules Rules { get; private set; } = PatternRules.Default;

    public AgencyBuilder On(DateOnly day)
    {
        Today = day;
        return this;
    }

    public AgencyBuilder Using(PatternRules rules)
    {
        Rules = rules;
        return this;
    }

    public AgencyBuilder Then(AgencyCommand command)
    {
        (State, var @event) = When(command).ShouldSucceed();
        events.Add(@event);
        return this;
    }

    public AgencyBuilder Recorded(params AgencyFinding[] findings)
    {
        foreach (var finding in findings)
        {
            Then(new RecordFinding { Finding = finding });
        }

        return this;
    }

    /// <summary>Ten in the morning of <see cref="Today"/>, Beijing time.</summary>
    public Transition<AgencyRecord, AgencyEvent> When(AgencyCommand command) => State.Handle(command, Rules, CaseFixture.At(Today));

    public Transition<AgencyRecord, AgencyEvent> WhenRecording(AgencyFinding finding) => When(new RecordFinding { Finding = finding });

    /// <summary>Every pattern match the recorded findings made, in order.</summary>
    public IEnumerable<PatternMatch> Patterns => events.OfType<FindingRecorded>().SelectMany(e => e.Patterns);
}

internal static partial class Given
{
    /// <summary>The empty record of the Dadong traffic-police brigade on <paramref name="today"/>.</summary>
    public static AgencyBuilder AgencyOn(DateOnly today) => new(SupervisionFixture.EmptyRecord(), today);
}
