using System.Text.RegularExpressions;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>What every refusal looks like: RFC 9457 problem details with a Chinese title for the user, an English
/// detail and a stable code for the client.</summary>
public static partial class Problem
{
    public static ApiResponse AssertProblem(this ApiResponse response, int status, string? code = null)
    {
        Assert.True(response.StatusCode == status, $"expected {status}, got {response}");
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(status, response.Body.GetProperty("status").GetInt32());
        var title = response.Body.GetProperty("title").GetString()!;
        Assert.True(Chinese().IsMatch(title), $"title '{title}' is not Chinese");
        var detail = response.Body.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.False(Chinese().IsMatch(detail), $"detail '{detail}' is not English");
        Assert.True(Latin().IsMatch(detail), $"detail '{detail}' is not English");
        Assert.False(string.IsNullOrWhiteSpace(response.Code));
        if (code is not null)
        {
            Assert.Equal(code, response.Code);
        }

        return response;
    }

    /// <summary>A 400 that names exactly these fields in <c>errors</c> (each with a message).</summary>
    public static ApiResponse AssertInvalid(this ApiResponse response, params string[] fields)
    {
        response.AssertProblem(400);
        Assert.Equal(fields.Order(StringComparer.Ordinal), response.ErrorFields.Order(StringComparer.Ordinal));
        foreach (var field in response.Body.GetProperty("errors").EnumerateObject())
        {
            Assert.Contains(field.Value.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        }

        return response;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Latin();
}
