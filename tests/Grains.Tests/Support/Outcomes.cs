using System.Text.Json;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Serialization;

namespace CaseGrains.Grains.Tests.Support;

/// <summary>Assertions on what a case grain answered.</summary>
public static class Outcomes
{
    public static CaseView Succeeded(this CaseResult result)
    {
        Assert.True(result.Failure is null, $"expected success, got {result.Failure?.Kind} {result.Failure?.Code}: {result.Failure?.Detail}");
        return Assert.IsType<CaseView>(result.Case);
    }

    public static CaseFailure Failed(this CaseResult result, CaseFailureKind kind)
    {
        Assert.Null(result.Case);
        var failure = Assert.IsType<CaseFailure>(result.Failure);
        Assert.Equal(kind, failure.Kind);
        return failure;
    }

    /// <summary>The case as stored, to compare two views value for value.</summary>
    public static string Json(this CaseView view) =>
        $"v{view.Version} " + JsonSerializer.Serialize(view.Case, DomainJson.Storage);
}
