namespace CaseGrains.Persistence.Supervision;

/// <summary>One case a notice of an agency's record cites, stored apart from the record. The rows carry no order: the
/// record puts each notice's citations back in citation order when it is read.</summary>
public sealed record StoredNoticeCitation(string NoticeId, string CaseId);
