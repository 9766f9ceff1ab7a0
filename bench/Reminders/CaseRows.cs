using System.Text.Json;
using CaseGrains.Abstractions;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Serialization;
using CaseGrains.Grains.Cases;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Grains.Scheduling;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// The rows a lived case is stored as, built with the classes <see cref="ReconsiderationCaseGrain"/> commits with: the
/// snapshot (<see cref="CaseSnapshot"/> of the case sealed by <see cref="PersonalDataProtector"/>, in
/// <see cref="DomainJson.Storage"/>), the list row (<see cref="CaseIndexing"/>), one history entry per change (payload:
/// the sealed event) and the deadline index rows (<see cref="ReminderSchedule"/>). The history is not chained yet: its
/// hashes cover the payload as PostgreSQL prints it (<c>jsonb::text</c>), which <see cref="Chained"/> is given.
/// </summary>
public sealed record CaseRows(
    string CaseId,
    bool Due,
    string SnapshotJson,
    CaseIndexEntry Index,
    IReadOnlyList<CaseHistoryEntry> History,
    IReadOnlyList<ScheduleEntry> Schedule)
{
    /// <summary>The deadline index's names of the step that comes due at T.</summary>
    public static readonly string ReviewKind = EnumNames.Of(DeadlineKind.Review), DueTodayStep = EnumNames.Of(ReminderStep.DueToday);

    public static CaseRows Of(LivedCase lived, bool due, PersonalDataProtector protector, WorkingDayCalendar calendar)
    {
        var state = lived.State;
        var snapshot = new CaseSnapshot(protector.Protect(state), new Dictionary<string, AppliedRequest>());
        var history = lived.Commits.Select((commit, i) => new CaseHistoryEntry(
            Sequence: i + 1,
            At: commit.At,
            ActorUserId: commit.ActorUserId,
            ActorOrganisationId: commit.ActorOrganisationId,
            Action: EnumNames.Of(commit.Event.Action),
            Reason: commit.Reason,
            PayloadJson: JsonSerializer.Serialize(protector.Protect(commit.Event), DomainJson.Storage),
            IdempotencyKey: null)).ToList();
        var rows = new CaseRows(
            state.Id,
            due,
            JsonSerializer.Serialize(snapshot, DomainJson.Storage),
            CaseIndexing.EntryFor(state, history.Count, lived.Commits[^1].At),
            history,
            ReminderSchedule.EntriesFor(state, ReminderPolicy.Default, calendar));
        rows.EnsureTimedForTheScenario();
        return rows;
    }

    /// <summary>These rows with the history chained (<see cref="HistoryChain.Link"/>) over <paramref name="storedPayloads"/>,
    /// the entries' payloads as PostgreSQL prints them back, in sequence order.</summary>
    public CaseRows Chained(IReadOnlyList<string> storedPayloads)
    {
        var chained = new List<CaseHistoryEntry>(History.Count);
        for (var i = 0; i < History.Count; i++)
        {
            chained.Add(HistoryChain.Link(CaseId, History[i] with { PayloadJson = storedPayloads[i] }, i == 0 ? null : chained[i - 1]));
        }

        return this with { History = chained };
    }

    /// <summary>A due case's next step is its review deadline's due-today step at T and nothing else comes due in the
    /// window; any other case has a step to come, none before the window ends. A case life that breaks this would make
    /// the figures lie, so loading stops.</summary>
    private void EnsureTimedForTheScenario()
    {
        var end = BenchTimeline.DueAt + BenchTimeline.Window;
        var timed = Due
            ? Schedule is [var first, ..] && first.Kind == ReviewKind && first.Step == DueTodayStep && first.FireAt == BenchTimeline.DueAt
              && Schedule.Skip(1).All(s => s.FireAt > end)
            : Schedule.Count > 0 && Schedule.All(s => s.FireAt > end);
        if (!timed)
        {
            throw new InvalidOperationException(
                $"Case {CaseId} ({(Due ? "due" : "not due")}) has the schedule [{string.Join(", ", Schedule.Select(s => $"{s.Kind}/{s.Step}@{s.FireAt:O}"))}], "
                + $"which does not fit the scenario's T {BenchTimeline.DueAt:O}.");
        }
    }
}
