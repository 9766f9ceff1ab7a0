using System.Security.Cryptography;

namespace CaseGrains.Grains.PersonalData;

/// <summary>
/// The 256-bit AES key that protects personal data at rest, read from configuration as base64. It never appears in
/// <see cref="ToString"/>, so a logged options object does not leak it.
/// </summary>
public sealed class PersonalDataKey
{
    /// <summary>32 bytes: AES-256.</summary>
    public const int SizeInBytes = 32;

    private readonly byte[] bytes;

    private PersonalDataKey(byte[] bytes)
    {
        this.bytes = bytes;
    }

    /// <summary>Reads a key written by <see cref="ToBase64"/> (e.g. from the <c>PersonalData:Key</c> setting).</summary>
    /// <exception cref="ArgumentException">Missing, not base64, or not 32 bytes long; the message does not repeat the value.</exception>
    public static PersonalDataKey FromBase64(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new ArgumentException("The personal data key is missing: configure 32 random bytes as base64.", nameof(base64));
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written))
        {
            throw new ArgumentException("The personal data key is not valid base64.", nameof(base64));
        }

        if (written != SizeInBytes)
        {
            CryptographicOperations.ZeroMemory(buffer);
            throw new ArgumentException($"The personal data key must be {SizeInBytes} bytes (256 bits); the configured one is {written} bytes.", nameof(base64));
        }

        var key = buffer[..SizeInBytes];
        CryptographicOperations.ZeroMemory(buffer);
        return new PersonalDataKey(key);
    }

    /// <summary>A new random key, for setting up an environment.</summary>
    public static PersonalDataKey Generate() => new(RandomNumberGenerator.GetBytes(SizeInBytes));

    /// <summary>The key as configuration holds it.</summary>
    public string ToBase64() => Convert.ToBase64String(bytes);

    public override string ToString() => "PersonalDataKey(256-bit, redacted)";

    /// <summary>A new AES-GCM instance over the key; the caller disposes it.</summary>
    internal AesGcm CreateCipher() => new(bytes, PersonalDataProtector.TagSize);
}
