using CaseGrains.Hosting.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace CaseGrains.Grains.Tests.Logging;

/// <summary>ID-card and phone numbers never reach a log sink in clear, whatever property carries them.</summary>
public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("申请人身份证号 210102199003074514", "申请人身份证号 2101**********4514")]
    [InlineData("id 21010219900307451x.", "id 2101**********451x.")]
    [InlineData("call 13812345678 now", "call 138****5678 now")]
    [InlineData("座机 024-23456789", "座机 024-****789")]
    [InlineData("order 12345678901234567890 is not an id", "order 12345678901234567890 is not an id")]
    [InlineData("case RC-20cdcbe05e612eff", "case RC-20cdcbe05e612eff")]
    public void Text_is_masked_exactly_where_it_holds_an_id_or_phone_number(string text, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Fact]
    public void Scalar_sequence_and_structured_properties_are_all_masked_before_any_sink_sees_them()
    {
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().Enrich.With<PersonalDataRedactor>().WriteTo.Sink(sink).CreateLogger();

        logger.Information("Received {Applicant} with {Numbers} from {Phone}",
            new { Name = "张三", IdNumber = "210102199003074514" }, new[] { "13812345678" }, "13812345678");

        var rendered = sink.Events.Single().RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain("210102199003074514", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", rendered, StringComparison.Ordinal);
        Assert.Contains("2101**********4514", rendered, StringComparison.Ordinal);
        Assert.Contains("138****5678", rendered, StringComparison.Ordinal);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
