using CaseGrains.Domain.PersonalData;

namespace CaseGrains.Domain.Tests.PersonalData;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("210102199003074512", "2101**********4512")]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("91210800MA0TEST01X", "9121**********T01X")]
    [InlineData("12345678", "********")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void An_ID_number_keeps_its_first_and_last_four_characters(string? id, string? masked)
    {
        Assert.Equal(masked, PersonalDataMask.IdNumber(id));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+8613812345678", "+86*******5678")]
    [InlineData("024-22345678", "024*****5678")]
    [InlineData("1234567", "*******")]
    [InlineData(null, null)]
    public void A_phone_number_keeps_its_first_three_and_last_four_characters(string? phone, string? masked)
    {
        Assert.Equal(masked, PersonalDataMask.Phone(phone));
    }

    [Fact]
    public void A_masked_value_keeps_no_more_than_eight_digits_of_an_ID_number()
    {
        var masked = PersonalDataMask.IdNumber("210102199003074512")!;

        Assert.True(PersonalDataMask.IsMasked(masked));
        Assert.Equal(8, masked.Count(char.IsAsciiDigit));
        Assert.DoesNotContain("19900307", masked, StringComparison.Ordinal);
    }
}
