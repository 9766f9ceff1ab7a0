using CaseGrains.Api.Webhooks;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>Which addresses a webhook may have: https always, http only where allowed, never credentials or fragments.</summary>
public sealed class WebhookUrlRulesTests
{
    [Theory]
    [InlineData("https://receiver.example.org/casegrains")]
    [InlineData("https://receiver.example.org:8443/hooks?tenant=dadong")]
    [InlineData("https://10.12.0.5/hooks")]
    public void An_absolute_https_address_is_accepted_everywhere(string url)
    {
        Assert.Null(WebhookUrlRules.ProblemWith(url, allowInsecureHttp: false));
    }

    [Fact]
    public void Plain_http_is_accepted_only_where_it_is_allowed()
    {
        Assert.Contains("https", WebhookUrlRules.ProblemWith("http://receiver.example.org/hooks", allowInsecureHttp: false), StringComparison.Ordinal);
        Assert.Null(WebhookUrlRules.ProblemWith("http://127.0.0.1:8080/hooks", allowInsecureHttp: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("receiver.example.org/hooks")]
    [InlineData("/hooks")]
    [InlineData("ftp://receiver.example.org/hooks")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:password@receiver.example.org/hooks")]
    [InlineData("https://token@receiver.example.org/hooks")]
    [InlineData("https://receiver.example.org/hooks#fragment")]
    [InlineData(" https://receiver.example.org/hooks")]
    [InlineData("https://receiver.example.org/two words")]
    public void Anything_else_is_refused_even_where_http_is_allowed(string url)
    {
        Assert.NotNull(WebhookUrlRules.ProblemWith(url, allowInsecureHttp: true));
    }

    [Fact]
    public void An_address_is_at_most_2000_characters()
    {
        var prefix = "https://receiver.example.org/";
        Assert.Null(WebhookUrlRules.ProblemWith(prefix + new string('a', 2000 - prefix.Length), allowInsecureHttp: false));
        Assert.NotNull(WebhookUrlRules.ProblemWith(prefix + new string('a', 2001 - prefix.Length), allowInsecureHttp: false));
    }
}
