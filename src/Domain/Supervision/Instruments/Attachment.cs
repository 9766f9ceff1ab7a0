using System.Text.RegularExpressions;

namespace CaseGrains.Domain.Supervision;

/// <summary>What the record keeps of a file attached to a rectification report: its metadata only. The bytes live in the
/// file store, found and verified by <see cref="Sha256"/>.</summary>
public sealed partial record Attachment
{
    public const int MaxNameLength = 255;

    /// <summary>The file's name as uploaded, without any directory.</summary>
    public required string Name { get; init; }

    public required long SizeBytes { get; init; }

    /// <summary>The SHA-256 of the content, 64 lowercase hexadecimal digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The media type, e.g. <c>application/pdf</c>, in lowercase.</summary>
    public required string MediaType { get; init; }

    /// <summary>The attachment as stored: digest and media type in lowercase.</summary>
    public Attachment Normalised() => this with { Sha256 = Sha256.ToLowerInvariant(), MediaType = MediaType.ToLowerInvariant() };

    /// <summary>What is wrong with the metadata, as (field, message), or null when it is well formed.</summary>
    public (string Field, string Message)? Error()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength || Name.Any(char.IsControl) || Name.IndexOfAny(['/', '\\']) >= 0)
        {
            return ("name", $"a file name is 1-{MaxNameLength} printable characters without '/' or '\\'");
        }

        if (SizeBytes <= 0)
        {
            return ("sizeBytes", "a file has at least one byte");
        }

        if (Sha256 is null || !Sha256Pattern().IsMatch(Sha256))
        {
            return ("sha256", "a SHA-256 digest is 64 hexadecimal digits");
        }

        return MediaType is null || !MediaTypePattern().IsMatch(MediaType)
            ? ("mediaType", "a media type is type/subtype, e.g. application/pdf")
            : null;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,126}/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,126}$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaTypePattern();
}
