using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Tests.Cases.Support;

/// <summary>Starts a case specification: <c>Given.CaseReceivedOn(day).On(later).Accepted().When(command)</c>.</summary>
internal static class Given
{
    public static CaseBuilder CaseReceivedOn(DateOnly day, Func<ReceiveApplication, ReceiveApplication>? change = null)
    {
        var application = CaseFixture.Application(day);
        var transition = ReconsiderationCase.Receive("FY-2025-0001", change is null ? application : change(application), CaseFixture.Routing, CaseFixture.At(day));
        var (state, received) = transition.ShouldSucceed();
        return new CaseBuilder(state, received, day);
    }
}
