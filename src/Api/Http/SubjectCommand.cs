using CaseGrains.Abstractions.Cases;
using CaseGrains.Api.Auth;

namespace CaseGrains.Api.Http;

/// <summary>
/// What every action on a versioned subject (a case, a complaint, an instrument) reads from its request, in the same
/// order so the same mistake gets the same problem everywhere: the Idempotency-Key, the If-Match version, then the
/// command body.
/// </summary>
internal static class SubjectCommand
{
    /// <returns>The command and its metadata, or the problem the request gets instead.</returns>
    public static async Task<(TCommand? Command, CommandMetadata? Metadata, IResult? Problem)> ReadAsync<TCommand>(HttpContext http)
        where TCommand : class
    {
        var (key, keyError) = RequestFingerprint.KeyOf(http.Request);
        if (keyError is not null)
        {
            return (null, null, keyError);
        }

        var (expectedVersion, matchError) = CaseETag.ExpectedVersion(http.Request);
        if (matchError is not null)
        {
            return (null, null, matchError);
        }

        var (command, raw, bodyError) = await JsonBody.ReadAsync<TCommand>(http.Request, ApiJson.Input);
        return bodyError is not null
            ? (null, null, bodyError)
            : (command, new CommandMetadata(http.GetPrincipal(), key, RequestFingerprint.Of(http.Request, raw), expectedVersion), null);
    }
}
