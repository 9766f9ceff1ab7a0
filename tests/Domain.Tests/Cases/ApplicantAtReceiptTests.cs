using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

/// <summary>The applicant's ID and phone numbers are checked at receipt; the filer's own account is recorded.</summary>
public sealed class ApplicantAtReceiptTests
{
    private static CaseTransition Receive(Func<Applicant, Applicant> change, ReceiptRouting? routing = null)
    {
        var application = Application(D(2025, 3, 3));
        return ReconsiderationCase.Receive(
            "FY-1", application with { Applicant = change(application.Applicant) }, routing ?? Routing, At(D(2025, 3, 3)));
    }

    public static TheoryData<string> InvalidIdNumbers =>
    [
        "210102199001011234", // check character should be 7
        "21010219900101123",  // 17 characters
        "2101021990010112370", // 19 characters
        "210102199002301236", // 30 February (check character right for the digits)
        "21010219900101123A", // not a check character
        "2101021990O1011237", // a letter O among the digits
        "01010219900101123X", // no address code starts with 0 (check character right for the digits)
    ];

    [Theory]
    [MemberData(nameof(InvalidIdNumbers))]
    public void A_persons_invalid_ID_number_is_refused_without_repeating_it(string idNumber)
    {
        var refusal = Receive(a => a with { IdNumber = idNumber }).ShouldBeInvalid("applicant.idNumber", "invalid_id_number");

        Assert.Contains("身份号码", refusal.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, refusal.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, refusal.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lower_case_x_is_accepted_and_stored_upper_case_in_the_case_and_in_the_event()
    {
        var (state, @event) = Receive(a => a with { IdNumber = " 11010519491231002x " }).ShouldSucceed();

        Assert.Equal("11010519491231002X", state.Applicant.IdNumber);
        Assert.Equal("11010519491231002X", Assert.IsType<ApplicationReceived>(@event).Applicant.IdNumber);
    }

    [Fact]
    public void An_enterprises_unified_social_credit_code_is_not_read_as_a_resident_ID_number()
    {
        var state = Receive(a => a with { Kind = ApplicantKind.Enterprise, Name = "营口某公司", IdNumber = "91210800MA0TEST01X" }).ShouldSucceed().State;

        Assert.Equal("91210800MA0TEST01X", state.Applicant.IdNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void ID_and_phone_numbers_stay_optional_and_a_blank_one_is_stored_as_absent(string? blank)
    {
        var state = Receive(a => a with { IdNumber = blank, Phone = blank }).ShouldSucceed().State;

        Assert.Equal((null, null), (state.Applicant.IdNumber, state.Applicant.Phone));
    }

    [Theory]
    [InlineData("1381234567")]    // ten digits
    [InlineData("12812345678")]   // no mobile prefix 12
    [InlineData("+8512812345678")]
    [InlineData("024-123456")]    // six-digit subscriber number
    [InlineData("24-12345678")]   // area code without the leading 0
    [InlineData("138-1234-5678x")]
    public void An_invalid_phone_number_is_refused_without_repeating_it(string phone)
    {
        var refusal = Receive(a => a with { Phone = phone }).ShouldBeInvalid("applicant.phone", "invalid_phone");

        Assert.Contains("电话", refusal.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, refusal.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+8613812345678", "+8613812345678")]
    [InlineData(" 19912345678 ", "19912345678")]
    [InlineData("024-22345678", "024-22345678")]
    [InlineData("0411-8234567", "0411-8234567")]
    public void A_mobile_or_landline_number_is_accepted_and_stored_trimmed(string phone, string stored)
    {
        var state = Receive(a => a with { Phone = phone }).ShouldSucceed().State;

        Assert.Equal(stored, state.Applicant.Phone);
    }

    [Fact]
    public void The_phone_number_of_an_enterprise_is_checked_too()
    {
        Receive(a => a with { Kind = ApplicantKind.Enterprise, IdNumber = null, Phone = "12345" })
            .ShouldBeInvalid("applicant.phone", "invalid_phone");
    }

    [Fact]
    public void The_name_is_checked_before_the_numbers()
    {
        Receive(a => a with { Name = "", IdNumber = "1" }).ShouldBeInvalid("applicant.name");
    }

    [Fact]
    public void An_application_registered_by_staff_records_no_applicant_account()
    {
        var (state, @event) = Receive(a => a).ShouldSucceed();

        Assert.Null(state.ApplicantUserId);
        Assert.Null(Assert.IsType<ApplicationReceived>(@event).ApplicantUserId);
    }

    [Fact]
    public void An_applicant_who_filed_themselves_is_recorded_on_the_case_and_in_the_history()
    {
        var (state, @event) = Receive(a => a, Routing with { ApplicantUserId = "u-zhangsan" }).ShouldSucceed();

        Assert.Equal("u-zhangsan", state.ApplicantUserId);
        Assert.Equal("u-zhangsan", Assert.IsType<ApplicationReceived>(@event).ApplicantUserId);
    }

    [Fact]
    public void The_routing_stays_constructible_without_an_applicant_account()
    {
        var routing = new ReceiptRouting(IntakePoint, ReceivingBody, Agency, CompetentBody, "/R210000/R210100/");

        Assert.Null(routing.ApplicantUserId);
    }

    [Fact]
    public void A_blank_applicant_account_is_a_bug_in_the_caller()
    {
        Assert.Throws<ArgumentException>(() => Receive(a => a, Routing with { ApplicantUserId = " " }));
    }
}
