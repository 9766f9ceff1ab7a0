using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>The agency reported its rectification.</summary>
public sealed record RectificationReported : InstrumentEvent
{
    public required string Text { get; init; }

    public required IReadOnlyList<Attachment> Attachments { get; init; }

    public required DateOnly ReportedOn { get; init; }

    public required bool Late { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.ReportRectification;
}
