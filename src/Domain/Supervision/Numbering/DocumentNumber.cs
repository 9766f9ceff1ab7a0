using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// The number an instrument is issued under (文号), e.g. <c>大东复意〔2026〕7号</c>. Numbers run gap-free per
/// <see cref="Series"/>: issuing body, kind and year of issue. The counter lives in the database and hands out
/// <see cref="Sequence"/> in the same transaction that commits the issue, so a refused issue consumes no number.
/// Made by <see cref="DocumentNumbering.Number"/>.
/// </summary>
public sealed record DocumentNumber
{
    public required string IssuingBodyId { get; init; }

    public required InstrumentKind Kind { get; init; }

    public required int Year { get; init; }

    /// <summary>The n-th instrument of its series, from 1.</summary>
    public required int Sequence { get; init; }

    /// <summary>The number as printed, formatted by the configured template.</summary>
    public required string Text { get; init; }

    [JsonIgnore]
    public DocumentSeries Series => new(IssuingBodyId, Kind, Year);
}

/// <summary>One gap-free run of numbers: an issuing body's instruments of one kind in one year.</summary>
public sealed record DocumentSeries(string IssuingBodyId, InstrumentKind Kind, int Year);
