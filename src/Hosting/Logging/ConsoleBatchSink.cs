using System.Text;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace CaseGrains.Hosting.Logging;

/// <summary>
/// Writes events to an output (the process's standard output) in batches, from Serilog's batching queue: the thread that
/// logs only queues the event, and one batch is formatted into the writer's buffer and flushed at once. The console sink
/// formatted and wrote each event under its own lock, through the console's writer, which flushes every 256 characters:
/// with every request logging a line, the gateway's threads queued on that lock (5% of the gateway's samples spinning for
/// it and 3.5% in writes, reading cases not in memory; bench <c>reactivation</c>).
/// </summary>
/// <remarks>What is queued when the logger is disposed (the host stopping) is written before it is gone. Events beyond
/// <see cref="Batching"/>'s queue limit are dropped by Serilog rather than held by the thread that logs them.</remarks>
public sealed class ConsoleBatchSink(ITextFormatter formatter, TextWriter output) : IBatchedLogEventSink
{
    /// <summary>The writer's buffer: a batch of request lines in one write.</summary>
    private const int BufferSize = 64 * 1024;

    /// <summary>A batch every fifth of a second, or as soon as a thousand events wait.</summary>
    public static BatchingOptions Batching => new()
    {
        BatchSizeLimit = 1_000,
        BufferingTimeLimit = TimeSpan.FromMilliseconds(200),
        QueueLimit = 100_000,
        EagerlyEmitFirstEvent = true,
    };

    /// <summary>A sink writing to the process's standard output as UTF-8 through its own buffer.</summary>
    public static ConsoleBatchSink ToStandardOutput(ITextFormatter formatter) =>
        new(formatter, new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize));

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var logEvent in batch)
        {
            formatter.Format(logEvent, output);
        }

        await output.FlushAsync();
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;
}
