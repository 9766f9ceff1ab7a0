namespace CaseGrains.Api.Auth;

/// <summary>The claims a token must carry: the user (<c>sub</c>), their organisation and their role.</summary>
public static class CaseGrainsClaims
{
    public const string Subject = "sub";
    public const string Organisation = "org";
    public const string Role = "role";
}
