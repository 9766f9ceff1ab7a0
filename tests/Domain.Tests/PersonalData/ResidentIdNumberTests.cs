using CaseGrains.Domain.PersonalData;

namespace CaseGrains.Domain.Tests.PersonalData;

public sealed class ResidentIdNumberTests
{
    /// <summary>Numbers whose check character was worked by hand (weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2, map
    /// 10X98765432): e.g. for the first, the weighted sum is 217 and 217 mod 11 = 8, which maps to 4.</summary>
    public static TheoryData<string> KnownGood =>
    [
        "210102199003074514", // sum 217, remainder 8 → 4
        "210102199001011237", // sum 137, remainder 5 → 7
        "11010519491231002X", // sum 167, remainder 2 → X
        "440524188001010014", // sum 205, remainder 7 → 4 (born 1880)
    ];

    [Theory]
    [MemberData(nameof(KnownGood))]
    public void A_number_with_its_check_character_is_valid(string id)
    {
        Assert.True(ResidentIdNumber.IsValid(id));
        Assert.Equal(id[17], ResidentIdNumber.CheckCharacter(id.AsSpan(0, 17)));
    }

    [Theory]
    [MemberData(nameof(KnownGood))]
    public void Any_other_check_character_makes_it_invalid(string id)
    {
        foreach (var other in "0123456789X".Where(c => c != id[17]))
        {
            Assert.False(ResidentIdNumber.IsValid(id[..17] + other));
        }
    }

    [Fact]
    public void Generated_numbers_are_valid_and_a_changed_digit_is_caught()
    {
        var random = new Random(11643);
        for (var i = 0; i < 500; i++)
        {
            var born = new DateOnly(1900, 1, 1).AddDays(random.Next(0, 45_000));
            var first17 = $"{random.Next(110000, 660000):D6}{born:yyyyMMdd}{random.Next(0, 1000):D3}";
            var id = first17 + CheckCharacterByTheStandard(first17);

            Assert.True(ResidentIdNumber.IsValid(id), id);
            Assert.Equal(born, ResidentIdNumber.BirthDateOf(id));

            // MOD 11-2 catches every single-digit error: no weight is a multiple of 11.
            var position = random.Next(0, 17);
            var changed = (char)('0' + ((id[position] - '0' + 1 + random.Next(0, 9)) % 10));
            Assert.False(ResidentIdNumber.IsValid(string.Concat(id.AsSpan(0, position), [changed], id.AsSpan(position + 1))), id);
        }
    }

    [Fact]
    public void A_lower_case_x_is_accepted_and_normalised()
    {
        Assert.True(ResidentIdNumber.IsValid("11010519491231002x"));
        Assert.Equal("11010519491231002X", ResidentIdNumber.Normalise(" 11010519491231002x "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("21010219900307451")]     // 17 characters
    [InlineData("2101021990030745120")]   // 19 characters
    [InlineData("210102199013074519")]    // month 13 (check character right for the digits)
    [InlineData("210102199002294514")]    // 29 February 1990 (check character right for the digits)
    [InlineData("210102170001014513")]    // born in 1700 (check character right for the digits)
    [InlineData("21010219900307451X")]    // X where 4 is due
    [InlineData("210102199003074512")]    // 2 where 4 is due (the example in issue 3)
    [InlineData("2101021990030745１2")]   // a full-width digit
    [InlineData("210102 99003074512")]
    public void Malformed_numbers_are_invalid(string? id)
    {
        Assert.False(ResidentIdNumber.IsValid(id));
        Assert.Null(ResidentIdNumber.BirthDateOf(id));
    }

    [Fact]
    public void Normalising_an_invalid_number_fails_without_repeating_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ResidentIdNumber.Normalise("210102199003074519"));

        Assert.DoesNotContain("210102199003074519", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_character_needs_exactly_17_digits()
    {
        Assert.Throws<ArgumentException>(() => ResidentIdNumber.CheckCharacter("1234"));
        Assert.Throws<ArgumentException>(() => ResidentIdNumber.CheckCharacter("2101021990030745A"));
    }

    /// <summary>ISO 7064 MOD 11-2 written out independently of the code under test: Σ aᵢ·2^(18-i) mod 11, then the
    /// check value c with (sum + c) ≡ 1 (mod 11), where 10 is written X.</summary>
    private static char CheckCharacterByTheStandard(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * (int)(Math.Pow(2, 17 - i) % 11);
        }

        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}
