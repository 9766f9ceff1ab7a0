using System.Text.Json;
using CaseGrains.Abstractions.Cases;
using Microsoft.AspNetCore.Mvc;

namespace CaseGrains.Api.Http;

/// <summary>
/// RFC 9457 problem details: a Chinese <c>title</c> for the user, an English <c>detail</c> and a stable
/// <c>code</c> for clients, plus what the client needs to recover (allowed actions, current version, fields).
/// </summary>
public static class Problems
{
    public static IResult Of(CaseFailure failure)
    {
        var status = failure.Kind switch
        {
            CaseFailureKind.NotFound => StatusCodes.Status404NotFound,
            CaseFailureKind.NotAllowed or CaseFailureKind.AlreadyExists or CaseFailureKind.Conflict => StatusCodes.Status409Conflict,
            CaseFailureKind.RuleViolation or CaseFailureKind.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
            CaseFailureKind.VersionMismatch => StatusCodes.Status412PreconditionFailed,
            CaseFailureKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = Create(status, failure.Code, failure.Title, failure.Detail);
        if (failure.Field is not null)
        {
            problem.Extensions["errors"] = Verbatim(new Dictionary<string, string[]> { [failure.Field] = [failure.Detail] });
        }

        AddIfPresent(problem, "currentStatus", failure.CurrentStatus);
        AddIfPresent(problem, "allowedActions", failure.AllowedActions);
        AddIfPresent(problem, "currentVersion", failure.CurrentVersion);
        AddIfPresent(problem, "legalBasis", failure.LegalBasis);
        return Results.Problem(problem);
    }

    public static IResult Invalid(string field, string detail) => Invalid(new Dictionary<string, string[]> { [field] = [detail] });

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        var problem = Create(StatusCodes.Status400BadRequest, "invalid_input", "请求内容有误",
            "The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        problem.Extensions["errors"] = Verbatim(errors);
        return Results.Problem(problem);
    }

    public static IResult NotFound(string what, string detail) =>
        Results.Problem(Create(StatusCodes.Status404NotFound, "not_found", what + "不存在", detail));

    public static ProblemDetails Create(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = "urn:casegrains:problem:" + code,
            Title = title,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>
    /// The field names exactly as the client sent them. A dictionary would go through the API's camelCase
    /// dictionary-key policy and name the headers "x-User-Id" and "if-Match", which no client sends; a JSON
    /// element is written as it is.
    /// </summary>
    private static JsonElement Verbatim(IReadOnlyDictionary<string, string[]> errors) => JsonSerializer.SerializeToElement(errors);

    private static void AddIfPresent(ProblemDetails problem, string name, object? value)
    {
        if (value is not null)
        {
            problem.Extensions[name] = value;
        }
    }
}
