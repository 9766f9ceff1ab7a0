using System.Collections.Immutable;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

public sealed partial record SupervisionInstrument
{
    /// <summary>
    /// 制发行政复议意见书, first step: the case's competent body drafts an opinion letter to its respondent. Only "in the course
    /// of handling a case" (Art. 76): the case must have been accepted; it may still be under review or already decided.
    /// </summary>
    /// <exception cref="ArgumentException">The issuer is not the case's competent body, or its path is malformed.</exception>
    public static Transition<SupervisionInstrument, InstrumentEvent> DraftOpinionLetter(
        string id, ReconsiderationCase @case, DraftOpinionLetter command, InstrumentIssuer issuer, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(command);
        EnsureIssuer(issuer);
        if (issuer.BodyId != @case.CompetentBodyId)
        {
            throw new ArgumentException($"An opinion letter on case {@case.Id} is issued by its competent body {@case.CompetentBodyId}, not {issuer.BodyId}.", nameof(issuer));
        }

        if (TextRefusal(command, command.Title, command.Problems, command.Requirements) is { } invalid)
        {
            return Refuse(invalid);
        }

        if (@case.AcceptedOn is null)
        {
            return Refuse(Refusal.RuleViolation(
                "case_not_accepted",
                "只有在办理已受理的行政复议案件过程中才能制发行政复议意见书",
                $"Case {@case.Id} is {@case.Status} and was never accepted.",
                SupervisionLaw.Article76));
        }

        return Draft(id, InstrumentKind.OpinionLetter, InstrumentOrigin.CaseOpinion, (@case.RespondentAgencyId, @case.RespondentAgencyName, @case.RegionPath),
            issuer, SupervisionPeriods.OpinionLetter, command.Flaws, [Citation.Of(@case)], (command.Title, command.Problems, command.Requirements), context);
    }

    /// <summary>
    /// 转为行政执法监督程序: the supervision office drafts a notice against the case's respondent as a whole, citing the case.
    /// Any case may be converted, whatever its outcome; the grain then tells the agency's record
    /// (<see cref="ToTrackNotice"/>) so that later patterns of the same flaws are absorbed by this notice.
    /// </summary>
    /// <exception cref="ArgumentException">The issuer's path is malformed, or the period is not a rectification period.</exception>
    public static Transition<SupervisionInstrument, InstrumentEvent> ConvertCase(
        string id, ReconsiderationCase @case, ConvertCase command, InstrumentIssuer issuer, StatutoryPeriod noticePeriod, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(command);
        EnsureIssuer(issuer);
        return TextRefusal(command, command.Title, command.Problems, command.Requirements) is { } invalid
            ? Refuse(invalid)
            : Draft(id, InstrumentKind.SupervisionNotice, InstrumentOrigin.CaseConversion, (@case.RespondentAgencyId, @case.RespondentAgencyName, @case.RegionPath),
                issuer, noticePeriod, command.Flaws, [Citation.Of(@case)], (command.Title, command.Problems, command.Requirements), context);
    }

    /// <summary>
    /// The agency's record found a pattern and no notice was open for its flaw (<see cref="PatternMatch.DraftsNotice"/>):
    /// the notice it drafts, with a text stating the pattern, ready for the supervision office to revise or approve.
    /// </summary>
    /// <exception cref="ArgumentException">The match does not draft a notice, or is not one of the record's.</exception>
    public static Transition<SupervisionInstrument, InstrumentEvent> DraftNotice(
        AgencyRecord agency, PatternMatch match, InstrumentIssuer issuer, StatutoryPeriod noticePeriod, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(match);
        EnsureIssuer(issuer);
        if (!match.DraftsNotice || !agency.Notices.Any(n => n.Id == match.NoticeId && n.Origin == InstrumentOrigin.Pattern))
        {
            throw new ArgumentException($"{match.NoticeId} is not a notice the record of {agency.Id} drafted.", nameof(match));
        }

        var flaw = FlawKindNames.Of(match.FlawKind);
        var days = match.Cited.Select(c => c.FoundOn).OfType<DateOnly>().Order().ToList();
        var problems = $"{agency.Name}：{Date(days[0])}至{Date(days[^1])}，你单位有{match.Cited.Count}件行政执法行为因{flaw}被纠正"
            + $"（{string.Join("、", match.Cited.Select(c => c.CaseId))}），反映出执法中存在普遍性、倾向性问题。";
        var requirements = $"请你单位对上述问题进行全面排查整改，并自收到本通知书之日起{noticePeriod.Length}日内将整改情况书面报送。";
        return Draft(match.NoticeId, InstrumentKind.SupervisionNotice, InstrumentOrigin.Pattern, (agency.Id, agency.Name, agency.RegionPath),
            issuer, noticePeriod, [match.FlawKind], match.Cited, ($"关于{agency.Name}{flaw}问题的行政执法监督通知书", problems, requirements), context);
    }

    private static Transition<SupervisionInstrument, InstrumentEvent> Draft(
        string id,
        InstrumentKind kind,
        InstrumentOrigin origin,
        (string Id, string Name, string RegionPath) agency,
        InstrumentIssuer issuer,
        StatutoryPeriod period,
        IReadOnlyList<FlawKind>? flaws,
        IReadOnlyList<Citation> citations,
        (string Title, string Problems, string Requirements) text,
        CaseContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(context);
        if (period.Kind != DeadlineKind.Rectification)
        {
            throw new ArgumentException($"An instrument's period is a rectification period, not {period.Kind}.", nameof(period));
        }

        var state = new SupervisionInstrument
        {
            Id = id,
            Kind = kind,
            Origin = origin,
            Status = InstrumentStatus.Drafted,
            AgencyId = agency.Id,
            AgencyName = agency.Name,
            AgencyRegionPath = agency.RegionPath,
            IssuingBodyId = issuer.BodyId,
            IssuingBodyRegionPath = issuer.RegionPath,
            RectificationPeriod = period,
            Flaws = [.. (flaws ?? []).Distinct().Order()],
            Citations = InCitationOrder(citations),
            Title = text.Title,
            Problems = text.Problems,
            Requirements = text.Requirements,
            DraftedOn = context.Today,
        };
        return Succeed(state, new InstrumentDrafted
        {
            Kind = kind,
            Origin = origin,
            AgencyId = state.AgencyId,
            AgencyName = state.AgencyName,
            AgencyRegionPath = state.AgencyRegionPath,
            IssuingBodyId = state.IssuingBodyId,
            IssuingBodyRegionPath = state.IssuingBodyRegionPath,
            RectificationPeriod = period,
            Flaws = state.Flaws,
            Citations = state.Citations,
            Title = state.Title,
            Problems = state.Problems,
            Requirements = state.Requirements,
            DraftedOn = state.DraftedOn,
        });
    }

    private Transition<SupervisionInstrument, InstrumentEvent> Execute(ReviseDraft command)
    {
        if (command.Title is null && command.Problems is null && command.Requirements is null && command.Flaws is null)
        {
            return Refuse(Refusal.Invalid("title", "nothing_to_revise", "未提供修改内容", "A revision gives at least one of title, problems, requirements or flaws."));
        }

        foreach (var (field, value) in new[] { ("title", command.Title), ("problems", command.Problems), ("requirements", command.Requirements) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                return Refuse(Refusal.Required(field));
            }
        }

        var flaws = command.Flaws is null ? null : (IReadOnlyList<FlawKind>)[.. command.Flaws.Distinct().Order()];
        if (Origin == InstrumentOrigin.Pattern && flaws is not null && !flaws.SequenceEqual(Flaws))
        {
            return Refuse(Refusal.Invalid("flaws", "pattern_flaw_fixed", "趋势性问题通知书的问题类型不能修改", $"Notice {Id} is about the pattern of {Flaws[0]}; its flaw kind cannot change."));
        }

        var state = this with
        {
            Title = command.Title ?? Title,
            Problems = command.Problems ?? Problems,
            Requirements = command.Requirements ?? Requirements,
            Flaws = flaws ?? Flaws,
        };
        return Succeed(state, new DraftRevised { Title = command.Title, Problems = command.Problems, Requirements = command.Requirements, Flaws = flaws });
    }

    private Transition<SupervisionInstrument, InstrumentEvent> Execute(DiscardDraft command, CaseContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Refuse(Refusal.Required("reason"));
        }

        return Succeed(
            this with { Status = InstrumentStatus.Discarded, DiscardedOn = context.Today, DiscardReason = command.Reason },
            new DraftDiscarded { Reason = command.Reason, DiscardedOn = context.Today });
    }

    /// <summary>
    /// Further cases of the pattern. Taken in every state, because the agency's record decides what a notice absorbs and
    /// learns only afterwards that it stopped (<see cref="AbsorbsCases"/>): a case it sends in that moment is still cited
    /// here rather than lost, so the two never disagree about what the notice cites.
    /// </summary>
    private Transition<SupervisionInstrument, InstrumentEvent> Execute(CiteCases command, CaseContext context)
    {
        if (Kind != InstrumentKind.SupervisionNotice)
        {
            return Refuse(Refusal.Invalid("citations", "not_a_notice", "行政复议意见书不援引其他案件", $"Instrument {Id} is an opinion letter on one case."));
        }

        if (command.Citations is null || command.Citations.Count == 0 || command.Citations.Any(c => c is null || string.IsNullOrWhiteSpace(c.CaseId)))
        {
            return Refuse(Refusal.Required("citations"));
        }

        var cited = CitedCaseIds;
        var newly = command.Citations.Where(c => !cited.Contains(c.CaseId)).DistinctBy(c => c.CaseId).ToList();
        if (newly.Count == 0)
        {
            return Unchanged(Refusal.NothingToDo("already_cited", "这些案件已经援引", $"Notice {Id} already cites every one of these cases."));
        }

        var citations = CitationList.ToBuilder();
        foreach (var citation in newly)
        {
            var at = citations.BinarySearch(citation, CitationOrder.Instance);
            citations.Insert(at < 0 ? ~at : at, citation);
        }

        return Succeed(
            this with { CitationList = citations.ToImmutable(), citedCaseIds = cited.Union(newly.Select(c => c.CaseId)) },
            new CasesCited { Citations = InCitationOrder(newly), CitedOn = context.Today });
    }

    /// <summary>The citations sorted as an instrument holds them (<see cref="CitationOrder"/>).</summary>
    public static ImmutableList<Citation> InCitationOrder(IEnumerable<Citation> citations) => [.. citations.Order(CitationOrder.Instance)];

    private static Refusal? TextRefusal(object command, string title, string problems, string requirements)
    {
        foreach (var (field, value) in new[] { ("title", title), ("problems", problems), ("requirements", requirements) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Refusal.Required(field);
            }
        }

        return Refusal.TooLong(command);
    }

    private static void EnsureIssuer(InstrumentIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer.BodyId, nameof(issuer));
        if (!RegionPaths.IsWellFormed(issuer.RegionPath))
        {
            throw new ArgumentException($"'{issuer.RegionPath}' is not a region path.", nameof(issuer));
        }
    }

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
