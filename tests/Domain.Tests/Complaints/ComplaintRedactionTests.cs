using CaseGrains.Domain.Access;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Notifications;
using CaseGrains.Domain.PersonalData;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using ComplaintCases = CaseGrains.Domain.Tests.Complaints.Support.Complaints;

namespace CaseGrains.Domain.Tests.Complaints;

/// <summary>What the offices above see of a complainant, and what the answer period's notices say and to whom.</summary>
public sealed class ComplaintRedactionTests
{
    [Fact]
    public void Watchers_see_the_first_character_of_the_name_and_the_ends_of_the_phone_the_handling_office_everything()
    {
        var builder = ComplaintCases.ReceivedOn(D(2025, 3, 3));
        var received = Assert.IsType<ComplaintReceived>(builder.Events[0]);

        var masked = ComplaintRedaction.For(builder.State, CaseVisibility.Masked);
        var maskedEvent = Assert.IsType<ComplaintReceived>(ComplaintRedaction.For(received, CaseVisibility.Masked));

        Assert.Equal(new Complainant { Name = "李*", Phone = "139****5678" }, masked.Complainant);
        Assert.Equal(masked.Complainant, maskedEvent.Complainant);
        Assert.Same(builder.State, ComplaintRedaction.For(builder.State, CaseVisibility.Full));
        Assert.Null(ComplaintRedaction.Masked(null));
        Assert.Equal("*", ComplaintRedaction.Masked(new Complainant { Name = "王" })!.Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintRedaction.For(builder.State, CaseVisibility.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintRedaction.For(received, CaseVisibility.Respondent));
    }

    [Fact]
    public void A_step_tells_the_offices_supervisors_and_the_overdue_step_the_whole_office_never_naming_the_complainant()
    {
        var builder = ComplaintCases.ReceivedOn(D(2025, 3, 3));
        var warning = builder.Fired(ReminderStep.AdvanceWarning).Events[^1];
        var overdue = builder.Fired(ReminderStep.Overdue).Events[^1];

        var warned = Assert.Single(ComplaintReminderNotices.For(builder.State, Assert.IsType<ComplaintReminderFired>(warning)));
        var late = Assert.Single(ComplaintReminderNotices.For(builder.State, Assert.IsType<ComplaintReminderFired>(overdue)));

        Assert.Equal(("S-R210104", Role.Supervisor), (warned.Recipient.OrganisationId, warned.Recipient.Role));
        Assert.Equal(("S-R210104", (Role?)null), (late.Recipient.OrganisationId, late.Recipient.Role));
        Assert.Equal("【临期提醒】投诉举报TS-2025-0001的答复期限将于2025年5月6日届满", warned.Title);
        Assert.StartsWith("【逾期】", late.Title, StringComparison.Ordinal);
        Assert.All(new[] { warned, late }, n => Assert.DoesNotContain("李四", n.Title + n.Text, StringComparison.Ordinal));
    }
}
