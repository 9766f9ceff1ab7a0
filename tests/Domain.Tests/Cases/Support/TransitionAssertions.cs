using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Tests.Cases.Support;

internal static class TransitionAssertions
{
    public static (ReconsiderationCase State, CaseEvent Event) ShouldSucceed(this CaseTransition transition)
    {
        Assert.True(transition.IsSuccess, transition.Refusal is { } r ? $"Refused: {r.Code} ({r.Kind}) {r.Detail}" : null);
        return (transition.State, transition.Event);
    }

    public static TEvent ShouldRecord<TEvent>(this CaseTransition transition) where TEvent : CaseEvent =>
        Assert.IsType<TEvent>(transition.ShouldSucceed().Event);

    public static CaseRefusal ShouldBeRefused(this CaseTransition transition, CaseRefusalKind kind, string code)
    {
        Assert.False(transition.IsSuccess, $"Expected refusal {code}, but the command succeeded with {transition.Event?.GetType().Name}.");
        Assert.Equal((kind, code), (transition.Refusal.Kind, transition.Refusal.Code));
        Assert.False(string.IsNullOrWhiteSpace(transition.Refusal.Title));
        Assert.False(string.IsNullOrWhiteSpace(transition.Refusal.Detail));
        return transition.Refusal;
    }

    public static CaseRefusal ShouldViolate(this CaseTransition transition, string code, string article)
    {
        var refusal = transition.ShouldBeRefused(CaseRefusalKind.RuleViolation, code);
        Assert.Contains(article, refusal.LegalBasis, StringComparison.Ordinal);
        return refusal;
    }

    /// <summary>A no-op: not a success, the same state, no event, and the reason of kind Unchanged.</summary>
    public static CaseRefusal ShouldBeUnchanged(this CaseTransition transition, ReconsiderationCase before, string code)
    {
        Assert.True(transition.IsUnchanged, $"Expected no change ({code}), got {(transition.IsSuccess ? transition.Event.GetType().Name : transition.Refusal.Code)}.");
        Assert.False(transition.IsSuccess);
        Assert.Null(transition.Event);
        Assert.Same(before, transition.State);
        return transition.ShouldBeRefused(CaseRefusalKind.Unchanged, code);
    }

    public static CaseRefusal ShouldBeInvalid(this CaseTransition transition, string field, string code = "value_required")
    {
        var refusal = transition.ShouldBeRefused(CaseRefusalKind.Invalid, code);
        Assert.Equal(field, refusal.Field);
        return refusal;
    }

    public static CaseRefusal ShouldNotBeAllowed(this CaseTransition transition, CaseStatus status)
    {
        var refusal = transition.ShouldBeRefused(CaseRefusalKind.NotAllowed, "action_not_allowed");
        Assert.Equal(status, refusal.CurrentStatus);
        Assert.NotNull(refusal.AllowedActions);
        return refusal;
    }
}
