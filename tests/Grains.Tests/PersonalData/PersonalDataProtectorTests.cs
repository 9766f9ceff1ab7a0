using System.Security.Cryptography;
using System.Text.Json;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Serialization;
using CaseGrains.Grains.PersonalData;

namespace CaseGrains.Grains.Tests.PersonalData;

public sealed class PersonalDataProtectorTests
{
    private readonly PersonalDataProtector protector = new(PersonalDataKey.Generate());

    [Theory]
    [InlineData(ProtectedCases.IdNumber)]
    [InlineData(ProtectedCases.Phone)]
    [InlineData("沈阳市大东区")]
    [InlineData("x")]
    public void A_value_survives_a_round_trip(string value)
    {
        var sealedValue = protector.Protect(value);

        Assert.StartsWith(PersonalDataProtector.Prefix, sealedValue, StringComparison.Ordinal);
        // A one-letter value can appear in random base64 by chance; only longer values prove it is not in clear.
        if (value.Length > 3)
        {
            Assert.DoesNotContain(value, sealedValue, StringComparison.Ordinal);
        }

        Assert.Equal(value, protector.Unprotect(sealedValue));
    }

    [Fact]
    public void The_format_is_nonce_ciphertext_and_tag_in_base64()
    {
        var sealedValue = protector.Protect(ProtectedCases.IdNumber);

        var bytes = Convert.FromBase64String(sealedValue[PersonalDataProtector.Prefix.Length..]);
        Assert.Equal(12 + ProtectedCases.IdNumber.Length + 16, bytes.Length);
    }

    [Fact]
    public void The_same_number_seals_differently_every_time()
    {
        var sealedValues = Enumerable.Range(0, 20).Select(_ => protector.Protect(ProtectedCases.IdNumber)).ToList();

        Assert.Equal(sealedValues.Count, sealedValues.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(sealedValues.Count, sealedValues.Select(v => v[PersonalDataProtector.Prefix.Length..][..16]).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Absent_values_stay_absent(string? value)
    {
        Assert.Equal(value, protector.Protect(value));
        Assert.Equal(value, protector.Unprotect(value));
    }

    [Fact]
    public void A_value_stored_before_protection_is_read_as_it_is()
    {
        Assert.Equal(ProtectedCases.IdNumber, protector.Unprotect(ProtectedCases.IdNumber));

        var (@case, _) = ProtectedCases.Received();
        Assert.Equal(@case, protector.Unprotect(@case));
    }

    [Fact]
    public void A_case_is_stored_without_its_numbers_in_clear_and_read_back_whole()
    {
        var (@case, _) = ProtectedCases.Received();

        var stored = protector.Protect(@case);
        var json = JsonSerializer.Serialize(stored, DomainJson.Storage);
        var read = protector.Unprotect(JsonSerializer.Deserialize<ReconsiderationCase>(json, DomainJson.Storage)!);

        Assert.DoesNotContain(ProtectedCases.IdNumber, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ProtectedCases.Phone, json, StringComparison.Ordinal);
        Assert.Contains(PersonalDataProtector.Prefix, json, StringComparison.Ordinal);
        Assert.Contains("张三", json, StringComparison.Ordinal);
        Assert.Equal(@case.Applicant, read.Applicant);
        Assert.Equal(JsonSerializer.Serialize(@case, DomainJson.Storage), JsonSerializer.Serialize(read, DomainJson.Storage));
    }

    [Fact]
    public void A_case_s_applicant_is_sealed_once_for_its_state_and_its_receipt_event_and_an_equal_applicant_afresh()
    {
        var (@case, received) = ProtectedCases.Received();

        var first = protector.Protect(@case).Applicant;
        var later = protector.Protect(@case with { Status = CaseStatus.AwaitingCorrection }).Applicant;
        var inEvent = ((ApplicationReceived)protector.Protect((CaseEvent)received)).Applicant;
        var equalButNew = protector.Protect(@case with { Applicant = @case.Applicant with { } }).Applicant;

        Assert.Same(received.Applicant, @case.Applicant);
        Assert.Same(first, later);
        Assert.Same(first, inEvent);
        Assert.NotEqual(first.IdNumber, equalButNew.IdNumber);
        Assert.Equal(@case.Applicant, protector.Unprotect(@case with { Applicant = equalButNew }).Applicant);
    }

    [Fact]
    public void A_loaded_case_is_stored_again_with_its_numbers_as_loaded_and_one_stored_before_protection_is_sealed()
    {
        var (@case, _) = ProtectedCases.Received();
        var stored = protector.Protect(@case);
        var loaded = protector.Unprotect(Reloaded(stored));

        var storedAgain = protector.Protect(loaded with { Status = CaseStatus.AwaitingCorrection }).Applicant;

        Assert.Equal(stored.Applicant.IdNumber, storedAgain.IdNumber);
        Assert.Equal(stored.Applicant.Phone, storedAgain.Phone);
        Assert.Equal(@case.Applicant, loaded.Applicant);

        var legacy = protector.Protect(protector.Unprotect(Reloaded(@case))).Applicant;
        Assert.True(PersonalDataProtector.IsProtected(legacy.IdNumber));
        Assert.True(PersonalDataProtector.IsProtected(legacy.Phone));
        Assert.Equal(@case.Applicant, protector.Unprotect(Reloaded(@case with { Applicant = legacy })).Applicant);
    }

    private static ReconsiderationCase Reloaded(ReconsiderationCase @case) =>
        JsonSerializer.Deserialize<ReconsiderationCase>(JsonSerializer.Serialize(@case, DomainJson.Storage), DomainJson.Storage)!;

    [Fact]
    public void The_receipt_event_is_stored_without_the_numbers_in_clear_and_read_back_whole()
    {
        var (_, received) = ProtectedCases.Received();

        var stored = protector.Protect((CaseEvent)received);
        var json = JsonSerializer.Serialize(stored, DomainJson.Storage);
        var read = protector.Unprotect(JsonSerializer.Deserialize<CaseEvent>(json, DomainJson.Storage)!);

        Assert.DoesNotContain(ProtectedCases.IdNumber, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ProtectedCases.Phone, json, StringComparison.Ordinal);
        Assert.Equal(received.Applicant, Assert.IsType<ApplicationReceived>(read).Applicant);
    }

    [Fact]
    public void Events_that_carry_no_personal_numbers_pass_through()
    {
        CaseEvent accepted = new ApplicationAccepted
        {
            AcceptedOn = new DateOnly(2025, 3, 4),
            ByOperationOfLaw = false,
            Procedure = CaseProcedure.Ordinary,
            IsMajor = false,
            CopyDueOn = new DateOnly(2025, 3, 13),
            DecisionDueOn = new DateOnly(2025, 5, 6),
        };

        Assert.Same(accepted, protector.Protect(accepted));
        Assert.Same(accepted, protector.Unprotect(accepted));
    }

    [Fact]
    public void Another_key_cannot_read_the_numbers_and_says_why()
    {
        var sealedValue = protector.Protect(ProtectedCases.IdNumber);
        var other = new PersonalDataProtector(PersonalDataKey.Generate());

        var error = Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(sealedValue));

        Assert.Contains("another key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProtectedCases.IdNumber, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_threads_sealing_and_reading_at_once_each_read_back_their_own_values()
    {
        var wrong = 0;
        Parallel.For(0, 20_000, i =>
        {
            var value = $"1381234{i % 10_000:D4}";
            if (protector.Unprotect(protector.Protect(value)) != value)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void The_same_key_from_configuration_reads_what_was_stored()
    {
        var key = PersonalDataKey.Generate();
        var sealedValue = new PersonalDataProtector(key).Protect(ProtectedCases.Phone);

        Assert.Equal(ProtectedCases.Phone, new PersonalDataProtector(PersonalDataKey.FromBase64(key.ToBase64())).Unprotect(sealedValue));
    }

    [Theory]
    [InlineData(0)]   // nonce
    [InlineData(14)]  // ciphertext
    [InlineData(-1)]  // tag
    public void A_tampered_value_is_detected(int position)
    {
        var sealedValue = protector.Protect(ProtectedCases.IdNumber);
        var bytes = Convert.FromBase64String(sealedValue[PersonalDataProtector.Prefix.Length..]);
        bytes[position < 0 ? bytes.Length + position : position] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(PersonalDataProtector.Prefix + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void A_tampered_case_cannot_be_read()
    {
        var (@case, _) = ProtectedCases.Received();
        var stored = protector.Protect(@case);
        var swapped = stored with { Applicant = stored.Applicant with { IdNumber = stored.Applicant.IdNumber![..^4] + "AAAA" } };

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(swapped));
    }

    [Theory]
    [InlineData("enc:v1:***")]
    [InlineData("enc:v1:AAAA")]
    [InlineData("enc:v1:")]
    public void A_damaged_value_is_a_cryptographic_error_not_a_crash(string damaged)
    {
        var error = Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(damaged));

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_only_looks_protected_is_sealed_all_the_same()
    {
        const string lookalike = "enc:v1:AAAA";

        var sealedValue = protector.Protect(lookalike);

        Assert.NotEqual(lookalike, sealedValue);
        Assert.Equal(lookalike, protector.Unprotect(sealedValue));
    }
}
