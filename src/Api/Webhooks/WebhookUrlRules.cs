namespace CaseGrains.Api.Webhooks;

/// <summary>
/// Which addresses a subscription may post to: absolute <c>https</c> addresses (or <c>http</c> where
/// <c>Webhooks:AllowInsecureHttp</c> allows it), without a user name or password (every administrator sees the
/// address; receivers authenticate requests by their signature) and without a fragment, which is never sent.
/// </summary>
public static class WebhookUrlRules
{
    public const int MaxLength = 2000;

    /// <summary>Why <paramref name="url"/> cannot be used (English, for the problem's <c>errors</c>), or null when it can.</summary>
    public static string? ProblemWith(string url, bool allowInsecureHttp)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length == 0 || url.Length > MaxLength)
        {
            return $"an address of 1 to {MaxLength} characters is required";
        }

        if (url.Any(char.IsWhiteSpace) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "expected an absolute http(s) address, e.g. https://receiver.example.org/casegrains";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp)
        {
            return "expected an https address: plain http is allowed only where Webhooks:AllowInsecureHttp is set";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "an address must not contain a user name or password: receivers check the signature instead";
        }

        return url.Contains('#', StringComparison.Ordinal) ? "an address must not contain a fragment (#...)" : null;
    }
}
