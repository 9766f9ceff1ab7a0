using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>One notice on an agency's record: the record's own id for it, the instrument it is (<c>SI-</c>), the cases it
/// cites, and whether it still absorbs new cases.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.AgencyNoticeView")]
public sealed record AgencyNoticeView(
    [property: Id(0)] string NoticeId,
    [property: Id(1)] string InstrumentId,
    [property: Id(2)] InstrumentOrigin Origin,
    [property: Id(3)] FlawKind[] Flaws,
    [property: Id(4)] string[] CitedCaseIds,
    [property: Id(5)] DateOnly DraftedOn,
    [property: Id(6)] DateOnly? FinishedOn);
