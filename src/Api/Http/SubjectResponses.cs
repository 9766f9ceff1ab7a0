using CaseGrains.Abstractions.Cases;

namespace CaseGrains.Api.Http;

/// <summary>
/// How a versioned subject's answer goes out: its version as the ETag (also on a conflict, so the client can retry with
/// If-Match), <c>Idempotent-Replayed</c> when a retried request was recognised, and 201 with its address when it was
/// created.
/// </summary>
internal static class SubjectResponses
{
    /// <param name="view">The subject as the caller sees it; null exactly when <paramref name="failure"/> is not.</param>
    /// <param name="createdAt">The new subject's address when the request created it; null otherwise.</param>
    public static IResult Of<TView>(HttpContext http, CaseFailure? failure, TView? view, long version, bool replayed, string? createdAt)
        where TView : class
    {
        var headers = http.Response.Headers;
        if (failure is not null)
        {
            if (failure.CurrentVersion is { } current)
            {
                headers.ETag = CaseETag.Of(current);
            }

            return Problems.Of(failure);
        }

        headers.ETag = CaseETag.Of(version);
        if (replayed)
        {
            headers["Idempotent-Replayed"] = "true";
        }

        return createdAt is not null ? Results.Created(createdAt, view) : Results.Ok(view);
    }
}
