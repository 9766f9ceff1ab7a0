namespace CaseGrains.Domain.Supervision;

/// <summary>
/// The configured template of each instrument kind. Opinion letters default to <c>{bodyShort}复意〔{year}〕{n}号</c>
/// (大东复意〔2026〕7号); supervision notices to <c>{bodyShort}执法监督〔{year}〕{n}号</c>. Immutable.
/// </summary>
public sealed class DocumentNumbering
{
    public const string DefaultOpinionLetterTemplate = "{bodyShort}复意〔{year}〕{n}号";
    public const string DefaultNoticeTemplate = "{bodyShort}执法监督〔{year}〕{n}号";

    /// <exception cref="ArgumentException">A template is invalid (<see cref="DocumentNumberTemplate.Validate"/>), or both
    /// are the same: two kinds share no series, so one printed number would stand for two documents.</exception>
    public DocumentNumbering(string? opinionLetterTemplate = null, string? noticeTemplate = null)
    {
        OpinionLetter = new(opinionLetterTemplate ?? DefaultOpinionLetterTemplate);
        Notice = new(noticeTemplate ?? DefaultNoticeTemplate);
        if (OpinionLetter.Template == Notice.Template)
        {
            throw new ArgumentException("Opinion letters and supervision notices need different templates.", nameof(noticeTemplate));
        }
    }

    public static DocumentNumbering Default { get; } = new();

    public DocumentNumberTemplate OpinionLetter { get; }

    public DocumentNumberTemplate Notice { get; }

    public DocumentNumberTemplate For(InstrumentKind kind) => kind switch
    {
        InstrumentKind.OpinionLetter => OpinionLetter,
        InstrumentKind.SupervisionNotice => Notice,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an instrument kind."),
    };

    /// <summary>The <paramref name="sequence"/>-th number of the series (<paramref name="issuingBodyId"/>,
    /// <paramref name="kind"/>, <paramref name="year"/>), printed with the body's short name.</summary>
    /// <exception cref="ArgumentException">See <see cref="DocumentNumberTemplate.Format"/>; or the body id is blank.</exception>
    public DocumentNumber Number(InstrumentKind kind, string issuingBodyId, string bodyShort, int year, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuingBodyId);
        return new()
        {
            IssuingBodyId = issuingBodyId,
            Kind = kind,
            Year = year,
            Sequence = sequence,
            Text = For(kind).Format(bodyShort, year, sequence),
        };
    }
}
