using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>报送整改情况: the agency reports how it corrected what the instrument found, with the metadata of its attachments.</summary>
public sealed record ReportRectification : InstrumentCommand
{
    public required string Text { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.ReportRectification;
}
