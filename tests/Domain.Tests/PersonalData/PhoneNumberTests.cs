using CaseGrains.Domain.PersonalData;

namespace CaseGrains.Domain.Tests.PersonalData;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("19912345678")]
    [InlineData("+8613812345678")]
    [InlineData("+86 13812345678")]
    [InlineData("+86-13812345678")]
    [InlineData(" 15012345678 ")]
    [InlineData("024-22345678")]
    [InlineData("010-12345678")]
    [InlineData("0411-8234567")]
    [InlineData("0411-82345678")]
    public void Mobile_and_landline_numbers_are_valid(string phone)
    {
        Assert.True(PhoneNumber.IsValid(phone));
        Assert.Equal(phone.Trim(), PhoneNumber.Normalise(phone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("12812345678")]
    [InlineData("10012345678")]
    [InlineData("+85213812345678")]
    [InlineData("8613812345678")]
    [InlineData("02422345678")]
    [InlineData("024-123456")]
    [InlineData("024-123456789")]
    [InlineData("02-12345678")]
    [InlineData("04111-1234567")]
    [InlineData("138 1234 5678")]
    [InlineData("１３８１２３４５６７８")]
    public void Other_values_are_not_phone_numbers(string? phone)
    {
        Assert.False(PhoneNumber.IsValid(phone));
    }

    [Fact]
    public void Normalising_an_invalid_number_fails_without_repeating_it()
    {
        var error = Assert.Throws<ArgumentException>(() => PhoneNumber.Normalise("1381234567"));

        Assert.DoesNotContain("1381234567", error.Message, StringComparison.Ordinal);
    }
}
