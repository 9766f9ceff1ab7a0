using CaseGrains.Domain.Supervision;

namespace CaseGrains.Grains.Supervision;

/// <summary>How enforcement supervision runs (configuration section <c>Supervision</c>). Provinces set their own notice
/// period, document-number formats and pattern rules, so none of them is fixed in code.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>Natural days an agency has from receipt of a supervision notice to report (1–365).</summary>
    public int NoticeDays { get; set; } = SupervisionPeriods.DefaultNoticeDays;

    /// <summary>The opinion letters' number format (<see cref="DocumentNumberTemplate"/>).</summary>
    public string OpinionLetterNumberTemplate { get; set; } = DocumentNumbering.DefaultOpinionLetterTemplate;

    /// <summary>The supervision notices' number format.</summary>
    public string NoticeNumberTemplate { get; set; } = DocumentNumbering.DefaultNoticeTemplate;

    /// <summary>The short name printed in an issuer's numbers, by organisation id (大东 for the Dadong district body); an
    /// issuer without one uses its region's name without the level's suffix (大东区 → 大东).</summary>
    public Dictionary<string, string> BodyShortNames { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Pattern rules by region id (<see cref="PatternRules"/>): a region's rule covers its subregions unless they
    /// set their own; three corrections within 180 days where none is set.</summary>
    public Dictionary<string, PatternRule> PatternRules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether a commit delivers the messages it owes at once (the relay delivers whatever that misses). Off only
    /// to show that the relay alone delivers everything.</summary>
    public bool DeliverAtOnce { get; set; } = true;

    /// <summary>Deliveries one silo runs at once after answering (<see cref="BackgroundDelivery"/>); a commit that finds
    /// them all under way leaves its messages to the relay, so an agency that stops answering holds no more than these.</summary>
    public int DeliveriesInFlight { get; set; } = 1_000;

    /// <summary>Whether this silo's outbox relay runs by itself.</summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>How often the relay looks for messages nobody delivered.</summary>
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How old a message must be before the relay takes it, so it does not race the commit's own delivery.</summary>
    public TimeSpan RelayGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages the relay delivers per round.</summary>
    public int RelayBatchSize { get; set; } = 100;
}
