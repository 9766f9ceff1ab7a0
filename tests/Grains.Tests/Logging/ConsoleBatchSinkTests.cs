using System.Text;
using CaseGrains.Hosting.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace CaseGrains.Grains.Tests.Logging;

/// <summary>The console is written from Serilog's batching queue, a batch at a time: nothing is lost or reordered on the
/// way, what is still queued when the logger goes is written first, and a batch reaches the output in few writes.</summary>
public sealed class ConsoleBatchSinkTests
{
    [Fact]
    public void Every_event_is_written_in_order_including_those_still_queued_when_the_logger_is_disposed()
    {
        const int events = 20_000;
        var output = new CountingStream();
        var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024);
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new ConsoleBatchSink(new RenderedCompactJsonFormatter(), writer), ConsoleBatchSink.Batching).CreateLogger())
        {
            for (var i = 0; i < events; i++)
            {
                logger.Information("Event {Number}", i);
            }
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(events, lines.Length);
        Assert.All(lines.Select((line, i) => (line, i)), l => Assert.Contains($"\"Number\":{l.i}", l.line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_reaches_the_output_in_a_few_writes_not_one_or_more_per_event()
    {
        const int events = 500;
        var output = new CountingStream();
        var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024);
        var batch = Enumerable.Range(0, events)
            .Select(i => new LogEvent(
                DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("Event {Number}"), [new LogEventProperty("Number", new ScalarValue(i))]))
            .ToList();

        await new ConsoleBatchSink(new RenderedCompactJsonFormatter(), writer).EmitBatchAsync(batch);

        Assert.Equal(events, Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.InRange(output.Writes, 1, 2);
    }

    /// <summary>A memory stream that counts the writes it is given, as the process's standard output would see them (its
    /// asynchronous writes come through these two).</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }
    }
}
