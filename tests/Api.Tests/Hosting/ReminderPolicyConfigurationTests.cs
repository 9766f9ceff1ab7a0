using CaseGrains.Domain.Deadlines;
using CaseGrains.Hosting;
using Microsoft.Extensions.Configuration;

namespace CaseGrains.Api.Tests.Hosting;

/// <summary>Advance warnings per deadline kind come from <c>Reminders:AdvanceWarningDays</c>; a mistake stops start-up.</summary>
public sealed class ReminderPolicyConfigurationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] entries) =>
        new ConfigurationBuilder().AddInMemoryCollection(entries.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))).Build();

    [Fact]
    public void Kinds_not_configured_warn_three_working_days_ahead_and_configured_ones_as_set()
    {
        var policy = ReminderPolicyConfiguration.Read(Settings(("Reminders:AdvanceWarningDays:Decision", "10"), ("Reminders:AdvanceWarningDays:hearingNotice", "0")));

        Assert.Equal(10, policy.AdvanceWarningDays(DeadlineKind.Decision));
        Assert.Equal(0, policy.AdvanceWarningDays(DeadlineKind.HearingNotice));
        Assert.Equal(3, policy.AdvanceWarningDays(DeadlineKind.Reply));
    }

    [Theory]
    [InlineData("Decisoin", "5", "is not a deadline kind")]
    [InlineData("3", "5", "is not a deadline kind")]
    [InlineData("Reply", "three", "whole number")]
    [InlineData("Reply", "31", "outside 0-30")]
    public void A_misspelt_kind_or_a_bad_number_of_days_is_refused_with_a_message_naming_it(string kind, string days, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReminderPolicyConfiguration.Read(Settings(($"Reminders:AdvanceWarningDays:{kind}", days))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
