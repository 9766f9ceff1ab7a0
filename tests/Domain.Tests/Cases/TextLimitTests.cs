using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Tests.Cases.Support;

namespace CaseGrains.Domain.Tests.Cases;

/// <summary>Texts longer than the record allows are refused as invalid, naming the field, and change nothing.</summary>
public sealed class TextLimitTests
{
    [Theory]
    [InlineData("reason", TextLimits.Reason)]
    [InlineData("legalBasis", TextLimits.Text)]
    [InlineData("approvedBy", TextLimits.Identifier)]
    public void A_decision_with_a_text_over_its_limit_is_invalid(string field, int limit)
    {
        var text = new string('字', limit + 1);
        var decide = new Decide
        {
            Type = DecisionType.Uphold,
            LegalBasis = field == "legalBasis" ? text : "《行政复议法》第六十八条",
            Summary = "维持",
            ApprovedBy = field == "approvedBy" ? text : "head-01",
            Reason = field == "reason" ? text : null,
        };

        var refusal = TextLimits.FirstViolation(decide);

        Assert.NotNull(refusal);
        Assert.Equal((CaseRefusalKind.Invalid, field, "text_too_long"), (refusal.Kind, refusal.Field, refusal.Code));
    }

    [Fact]
    public void Texts_at_their_limits_pass()
    {
        var decide = new Decide
        {
            Type = DecisionType.Uphold,
            LegalBasis = new string('字', TextLimits.Text),
            Summary = new string('字', TextLimits.Text),
            ApprovedBy = new string('a', TextLimits.Identifier),
            Reason = new string('字', TextLimits.Reason),
        };

        Assert.Null(TextLimits.FirstViolation(decide));
    }

    [Fact]
    public void Nested_applicant_names_and_long_lists_are_limited_too()
    {
        var application = CaseFixture.Application(new DateOnly(2025, 3, 3));
        var receipt = application with { Applicant = application.Applicant with { Name = new string('张', TextLimits.Identifier + 1) } };
        var correction = new RequestCorrection { MissingItems = [.. Enumerable.Repeat("身份证明", TextLimits.ListEntries + 1)] };

        Assert.Equal("applicant.name", TextLimits.FirstViolation(receipt)?.Field);
        Assert.Equal(("missingItems", "too_many_entries"), (TextLimits.FirstViolation(correction)?.Field, TextLimits.FirstViolation(correction)?.Code));
    }

    [Fact]
    public void A_list_with_an_empty_entry_is_invalid_rather_than_a_fault()
    {
        var correction = new RequestCorrection { MissingItems = ["身份证明", null!] };

        Assert.Equal(("missingItems[1]", "required"), (TextLimits.FirstViolation(correction)?.Field, TextLimits.FirstViolation(correction)?.Code));
    }
}
