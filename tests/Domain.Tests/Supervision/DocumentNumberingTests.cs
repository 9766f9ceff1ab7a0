using CaseGrains.Domain.Supervision;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>文号: a configurable template, printed per issuing body, kind and year.</summary>
public sealed class DocumentNumberingTests
{
    [Fact]
    public void An_opinion_letter_of_the_Dadong_body_is_numbered_like_the_issue_s_example()
    {
        var number = DocumentNumbering.Default.Number(InstrumentKind.OpinionLetter, "B-R210104", "大东", 2026, 7);

        Assert.Equal("大东复意〔2026〕7号", number.Text);
        Assert.Equal(new DocumentSeries("B-R210104", InstrumentKind.OpinionLetter, 2026), number.Series);
        Assert.Equal(7, number.Sequence);
    }

    [Fact]
    public void A_notice_is_numbered_in_a_series_and_format_of_its_own()
    {
        var number = DocumentNumbering.Default.Number(InstrumentKind.SupervisionNotice, "S-R210104", "大东", 2026, 7);

        Assert.Equal("大东执法监督〔2026〕7号", number.Text);
        Assert.NotEqual(DocumentNumbering.Default.Number(InstrumentKind.OpinionLetter, "S-R210104", "大东", 2026, 7).Series, number.Series);
    }

    [Fact]
    public void The_format_is_configurable_per_kind()
    {
        var numbering = new DocumentNumbering(noticeTemplate: "辽司监通字〔{year}〕第{n}号");

        Assert.Equal("辽司监通字〔2025〕第12号", numbering.Number(InstrumentKind.SupervisionNotice, "S-R210000", "辽", 2025, 12).Text);
        Assert.Equal("辽复意〔2025〕12号", numbering.Number(InstrumentKind.OpinionLetter, "B-R210000", "辽", 2025, 12).Text);
    }

    [Fact]
    public void Two_kinds_cannot_share_one_format()
    {
        Assert.Throws<ArgumentException>(() => new DocumentNumbering(DocumentNumbering.DefaultNoticeTemplate));
    }

    public static TheoryData<string?, string> InvalidTemplates => new()
    {
        { null, "a template is required" },
        { " ", "a template is required" },
        { "复意〔{year}〕号", "{n} appears 0 times, not once" },
        { "{bodyShort}复意〔{year}〕{n}号{n}", "{n} appears 2 times, not once" },
        { "{bodyShort}{bodyShort}复意〔{year}〕{n}号", "{bodyShort} appears more than once" },
        { "{body}复意〔{year}〕{n}号", "{body} is not a placeholder; use {bodyShort}, {year} and {n}" },
        { "{bodyShort}复意〔{year}〕{n}号}", "a brace outside a placeholder" },
        { "{bodyShort}复意{year}{n}号", "{year} and {n} must be separated by text" },
        { "{bodyShort}复意〔{year}〕\t{n}号", "a template has no control characters" },
        { "{bodyShort}" + new string('复', 40) + "〔{year}〕{n}号", "a template is at most 50 characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidTemplates))]
    public void A_template_that_could_not_number_documents_unambiguously_is_refused(string? template, string error)
    {
        Assert.Contains(error, DocumentNumberTemplate.Validate(template));
        Assert.ThrowsAny<ArgumentException>(() => new DocumentNumberTemplate(template!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("大 东")]
    [InlineData("大{东}")]
    [InlineData("沈阳市大东区人民政府行政复议办公室沈阳市大东区")]
    public void A_short_name_is_a_few_printable_characters(string bodyShort)
    {
        Assert.NotNull(DocumentNumberTemplate.BodyShortError(bodyShort));
        Assert.Throws<ArgumentException>(() => DocumentNumbering.Default.Number(InstrumentKind.OpinionLetter, "B-R210104", bodyShort, 2026, 1));
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(10_000, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, 1_000_000)]
    public void A_number_has_a_four_digit_year_and_a_sequence_from_one(int year, int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentNumbering.Default.Number(InstrumentKind.OpinionLetter, "B-R210104", "大东", year, sequence));
    }

    [Fact]
    public void A_number_names_its_issuing_body()
    {
        Assert.Throws<ArgumentException>(() => DocumentNumbering.Default.Number(InstrumentKind.OpinionLetter, " ", "大东", 2026, 1));
    }
}
