using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Outbox;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// The pattern messages one group commit of an agency owes its notices, in the order the patterns were found. The further
/// cases several findings of the group bring to one notice are cited in one message, so that the notice, too, takes
/// them in one commit rather than one each.
/// </summary>
internal sealed class OwedPatterns
{
    private readonly List<PatternDelivery> deliveries = [];

    public int Count => deliveries.Count;

    /// <summary>How many messages there would be once <paramref name="matches"/> were added.</summary>
    public int CountWith(IReadOnlyList<PatternMatch> matches) => Count + matches.Count(m => m.DraftsNotice || CiteOf(m.NoticeId) < 0);

    /// <summary>Adds what <paramref name="agency"/>, the record just after finding <paramref name="matches"/>, owes.</summary>
    public void Add(AgencyRecord agency, IReadOnlyList<PatternMatch> matches)
    {
        var told = agency with { Findings = [] };
        foreach (var match in matches)
        {
            var cite = match.DraftsNotice ? -1 : CiteOf(match.NoticeId);
            if (cite < 0)
            {
                deliveries.Add(new PatternDelivery(told, match));
                continue;
            }

            var earlier = deliveries[cite].Match;
            deliveries[cite] = new PatternDelivery(told, earlier with { Cited = [.. earlier.Cited, .. match.Cited] });
        }
    }

    public IReadOnlyList<OutboxMessage> Messages() => [.. deliveries.Select(SupervisionMessages.Pattern)];

    private int CiteOf(string noticeId) => deliveries.FindIndex(d => !d.Match.DraftsNotice && d.Match.NoticeId == noticeId);
}
