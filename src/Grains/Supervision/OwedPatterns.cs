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
        foreach (var match in matches)
        {
            var cite = match.DraftsNotice ? -1 : CiteOf(match.NoticeId);
            var told = Told(agency, match);
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

    /// <summary>The record as the notice needs it: its name and region and, to be drafted, the notice itself. Not the
    /// findings nor the other notices and their citations, which grow with every case an open notice absorbs and would
    /// make every message of a busy agency larger than the last.</summary>
    private static AgencyRecord Told(AgencyRecord agency, PatternMatch match) =>
        agency with { Findings = [], Notices = match.DraftsNotice ? [.. agency.Notices.Where(n => n.Id == match.NoticeId)] : [] };

    private int CiteOf(string noticeId) => deliveries.FindIndex(d => !d.Match.DraftsNotice && d.Match.NoticeId == noticeId);
}
