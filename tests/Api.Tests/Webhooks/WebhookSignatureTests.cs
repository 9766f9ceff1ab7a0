using CaseGrains.Hosting.Webhooks;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>The signature receivers check, pinned by a value computed independently (Python's hmac and
/// <c>openssl dgst -sha256 -hmac</c> agree on it), over a body with Chinese text so that UTF-8 is pinned too.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "q8Jv2mXo4TLs9bYz0Wc3RkUe7NhA5gPd1FiQ6tVyBxM";
    private const long Timestamp = 1741572000;
    private const string Body = """{"id":"01957e3a-0000-7000-8000-000000000001","type":"reminderFired","title":"答复期限即将届满"}""";

    [Fact]
    public void The_signature_is_v1_and_the_lowercase_hex_hmac_sha256_of_timestamp_dot_body_keyed_with_the_secret()
    {
        Assert.Equal("v1=db416b49b6d49dd36e97093614dae45e58468a195e5d3fa52e5bdc5c9fec5a68", WebhookSignature.Sign(Secret, Timestamp, Body));
    }

    [Fact]
    public void Another_secret_timestamp_or_body_gives_another_signature()
    {
        var signature = WebhookSignature.Sign(Secret, Timestamp, Body);

        Assert.NotEqual(signature, WebhookSignature.Sign(Secret + "x", Timestamp, Body));
        Assert.NotEqual(signature, WebhookSignature.Sign(Secret, Timestamp + 1, Body));
        Assert.NotEqual(signature, WebhookSignature.Sign(Secret, Timestamp, Body + " "));
    }

    [Fact]
    public void There_is_no_signature_without_a_secret()
    {
        Assert.Throws<ArgumentException>(() => WebhookSignature.Sign(string.Empty, Timestamp, Body));
    }
}
