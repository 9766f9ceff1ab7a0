namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>A request the receiver got: its path, headers and body bytes exactly as they arrived.</summary>
public sealed record ReceivedWebhook(int Number, string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string Header(string name) => Headers[name];
}
