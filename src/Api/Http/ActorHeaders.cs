using CaseGrains.Abstractions;

namespace CaseGrains.Api.Http;

/// <summary>
/// Who is acting, until authentication is in place: the <c>X-User-Id</c> and <c>X-Organisation-Id</c> headers.
/// Every change is recorded against them, so both are required on writes.
/// </summary>
public static class ActorHeaders
{
    public const string UserHeader = "X-User-Id";
    public const string OrganisationHeader = "X-Organisation-Id";

    public static (Actor? Actor, IResult? Error) Read(HttpRequest request)
    {
        var user = request.Headers[UserHeader].ToString();
        var organisation = request.Headers[OrganisationHeader].ToString();
        var errors = new Dictionary<string, string[]>();
        if (!IsValid(user))
        {
            errors[UserHeader] = ["Required on every change: the id of the user acting (1-100 printable characters, not all blank)."];
        }

        if (!IsValid(organisation))
        {
            errors[OrganisationHeader] = ["Required on every change: the id of the user's organisation (1-100 printable characters, not all blank)."];
        }

        return errors.Count > 0 ? (null, Problems.Invalid(errors)) : (new Actor(user, organisation), null);
    }

    // Blank ids are refused too: every history entry must name someone (a server may pass " " through untrimmed).
    private static bool IsValid(string value) => value.Length <= 100 && !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsControl);
}
