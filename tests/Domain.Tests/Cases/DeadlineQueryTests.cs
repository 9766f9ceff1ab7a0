using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class DeadlineQueryTests
{
    [Fact]
    public void The_current_deadline_of_a_kind_is_the_last_one_started()
    {
        var state = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 1, 27)).CorrectionRequested().On(D(2025, 2, 10)).Then(new SubmitCorrection()).State;

        Assert.Equal([DeadlineKind.Review, DeadlineKind.Correction], state.CurrentDeadlines().Select(d => d.Kind));
        Assert.Equal(D(2025, 2, 10), state.CurrentDeadlines()[0].StartedOn);
        Assert.Equal(
            new Dictionary<DeadlineKind, DeadlineStatus> { [DeadlineKind.Review] = DeadlineStatus.Running, [DeadlineKind.Correction] = DeadlineStatus.Met },
            state.DeadlineStatusesOn(D(2025, 2, 10)));
    }

    [Fact]
    public void The_nearest_running_due_date_sorts_the_case_lists()
    {
        var builder = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7)).Accepted();
        Assert.Equal(D(2025, 2, 17), builder.State.NearestRunningDueOn());

        builder.On(D(2025, 2, 10)).CopySent();
        Assert.Equal(D(2025, 2, 24), builder.State.NearestRunningDueOn());
    }

    [Fact]
    public void An_overdue_deadline_still_counts_as_the_nearest()
    {
        var state = Given.CaseReceivedOn(D(2025, 1, 24)).State;

        Assert.Equal(DeadlineStatus.Missed, state.DeadlineStatusesOn(D(2025, 3, 1))[DeadlineKind.Review]);
        Assert.Equal(D(2025, 2, 7), state.NearestRunningDueOn());
    }

    [Fact]
    public void An_ended_case_has_no_running_deadline()
    {
        Assert.Null(CaseStates.Named("decided").State.NearestRunningDueOn());
    }
}
