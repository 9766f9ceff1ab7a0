using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Grains.PersonalData;

/// <summary>
/// Application-level encryption of the applicant's ID and phone numbers wherever a case stores them: in the case
/// state and in the <see cref="ApplicationReceived"/> event of its history (no other event carries them). Each value
/// is sealed with AES-256-GCM under a fresh 12-byte nonce and written as <c>enc:v1:</c> + base64(nonce | ciphertext |
/// tag), so equal numbers give different ciphertexts and any change to one is detected. An applicant instance is sealed
/// once and its sealed form reused, since a case keeps the same instance through its actions. A value without the prefix
/// was stored before protection began and is read as it is.
/// </summary>
public sealed class PersonalDataProtector
{
    /// <summary>Marks a protected value and the format version.</summary>
    public const string Prefix = "enc:v1:";

    internal const int NonceSize = 12;

    internal const int TagSize = 16;

    private readonly PersonalDataKey key;

    /// <summary>Each applicant this protector sealed, by the very instance it sealed. A case's state keeps its applicant
    /// instance from action to action, so the actions after receipt (and receipt's own event) store the numbers sealed
    /// once instead of encrypting them again each time; an entry goes when its applicant is no longer held.</summary>
    private readonly ConditionalWeakTable<Applicant, Applicant> sealedApplicants = new();

    /// <summary>This thread's cipher and the key it is over. An <see cref="AesGcm"/> keeps one OpenSSL context, which
    /// threads must not share, and creating one for every value (two for each case read from the store) was 1.8% of a
    /// gateway's samples reading cases not in memory (bench <c>reactivation</c>).</summary>
    [ThreadStatic]
    private static (PersonalDataKey Key, AesGcm Cipher)? threadCipher;

    public PersonalDataProtector(PersonalDataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        this.key = key;
    }

    /// <summary>True when <paramref name="value"/> is in the protected format (it may still fail to decrypt).</summary>
    public static bool IsProtected([NotNullWhen(true)] string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// The value sealed; null and empty stay as they are. Every value is sealed, even one that looks protected: input
    /// such as an enterprise's credit code is not format-checked, and a value passed through as "already protected"
    /// would make the case unreadable. Seal the plain case once, when it is written.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Protect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var plaintext = System.Text.Encoding.UTF8.GetBytes(value);
        var sealedValue = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Cipher().Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceSize, plaintext.Length), sealedValue.AsSpan(NonceSize + plaintext.Length));

        CryptographicOperations.ZeroMemory(plaintext);
        return Prefix + Convert.ToBase64String(sealedValue);
    }

    /// <summary>The value in clear; a value without the prefix (stored before protection) is returned unchanged.</summary>
    /// <exception cref="CryptographicException">The value was sealed under another key, or altered.</exception>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Unprotect(string? value)
    {
        if (!IsProtected(value))
        {
            return value;
        }

        byte[] sealedValue;
        try
        {
            sealedValue = Convert.FromBase64String(value[Prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("A protected personal data value is damaged: its body is not base64.", e);
        }

        if (sealedValue.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A protected personal data value is damaged: it is too short to hold a nonce and a tag.");
        }

        var ciphertextLength = sealedValue.Length - NonceSize - TagSize;
        var plaintext = new byte[ciphertextLength];
        try
        {
            Cipher().Decrypt(
                sealedValue.AsSpan(0, NonceSize),
                sealedValue.AsSpan(NonceSize, ciphertextLength),
                sealedValue.AsSpan(NonceSize + ciphertextLength),
                plaintext);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException(
                "A protected personal data value could not be decrypted: it was protected under another key than the configured "
                + "PersonalData key, or it was altered.", e);
        }

        return System.Text.Encoding.UTF8.GetString(plaintext);
    }

    private AesGcm Cipher()
    {
        if (threadCipher is { } cached && ReferenceEquals(cached.Key, key))
        {
            return cached.Cipher;
        }

        threadCipher?.Cipher.Dispose();
        var cipher = key.CreateCipher();
        threadCipher = (key, cipher);
        return cipher;
    }

    /// <summary>The case with the applicant's ID and phone numbers sealed, as it is to be stored.</summary>
    public ReconsiderationCase Protect(ReconsiderationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case with { Applicant = Protect(@case.Applicant) };
    }

    /// <summary>The case as it was before <see cref="Protect(ReconsiderationCase)"/>.</summary>
    /// <exception cref="CryptographicException">A value was sealed under another key, or altered.</exception>
    public ReconsiderationCase Unprotect(ReconsiderationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case with { Applicant = Unprotect(@case.Applicant) };
    }

    /// <summary>The event with the applicant's numbers sealed; events that carry none are returned as they are.</summary>
    public CaseEvent Protect(CaseEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event is ApplicationReceived received ? received with { Applicant = Protect(received.Applicant) } : @event;
    }

    /// <summary>The event as it was before <see cref="Protect(CaseEvent)"/>.</summary>
    /// <exception cref="CryptographicException">A value was sealed under another key, or altered.</exception>
    public CaseEvent Unprotect(CaseEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event is ApplicationReceived received ? received with { Applicant = Unprotect(received.Applicant) } : @event;
    }

    private Applicant Protect(Applicant applicant) =>
        sealedApplicants.GetValue(applicant, plain => plain with { IdNumber = Protect(plain.IdNumber), Phone = Protect(plain.Phone) });

    /// <summary>The applicant in clear. When every number was stored sealed, the stored applicant is remembered as the
    /// sealed form of the one returned, so that a case's first commit after its load (a reminder step, say) stores the
    /// numbers as loaded instead of encrypting them again; a number stored before protection is sealed then instead.</summary>
    private Applicant Unprotect(Applicant applicant)
    {
        var plain = applicant with { IdNumber = Unprotect(applicant.IdNumber), Phone = Unprotect(applicant.Phone) };
        if (StoredSealed(applicant.IdNumber) && StoredSealed(applicant.Phone))
        {
            sealedApplicants.AddOrUpdate(plain, applicant);
        }

        return plain;
    }

    private static bool StoredSealed(string? value) => string.IsNullOrEmpty(value) || IsProtected(value);
}
