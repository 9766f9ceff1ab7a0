using System.Security.Cryptography;
using CaseGrains.Grains.PersonalData;

namespace CaseGrains.Grains.Tests.PersonalData;

public sealed class PersonalDataKeyTests
{
    [Fact]
    public void A_generated_key_survives_configuration_as_base64()
    {
        var key = PersonalDataKey.Generate();

        var read = PersonalDataKey.FromBase64(key.ToBase64());

        Assert.Equal(key.ToBase64(), read.ToBase64());
        Assert.Equal(PersonalDataKey.SizeInBytes, Convert.FromBase64String(read.ToBase64()).Length);
        Assert.NotEqual(key.ToBase64(), PersonalDataKey.Generate().ToBase64());
    }

    [Fact]
    public void A_key_with_surrounding_white_space_from_a_config_file_is_read()
    {
        var key = PersonalDataKey.Generate();

        Assert.Equal(key.ToBase64(), PersonalDataKey.FromBase64($"  {key.ToBase64()}\n").ToBase64());
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("not base64!", "base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==", "16 bytes")]
    public void A_missing_malformed_or_short_key_is_refused_with_a_clear_message(string? configured, string says)
    {
        var error = Assert.Throws<ArgumentException>(() => PersonalDataKey.FromBase64(configured));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_128_bit_key_is_refused_and_not_repeated_in_the_message()
    {
        var short16 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

        var error = Assert.Throws<ArgumentException>(() => PersonalDataKey.FromBase64(short16));

        Assert.DoesNotContain(short16, error.Message, StringComparison.Ordinal);
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_does_not_show_itself_when_logged()
    {
        var key = PersonalDataKey.Generate();

        Assert.DoesNotContain(key.ToBase64(), key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key.ToBase64(), $"{key}", StringComparison.Ordinal);
    }
}
