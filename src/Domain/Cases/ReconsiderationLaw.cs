namespace CaseGrains.Domain.Cases;

/// <summary>The articles of the Administrative Reconsideration Law (行政复议法, 2023 revision) that refusals cite.</summary>
internal static class ReconsiderationLaw
{
    public const string Article20 = "《行政复议法》第二十条";
    public const string Article24 = "《行政复议法》第二十四条";
    public const string Article31 = "《行政复议法》第三十一条";
    public const string Article33And68And69 = "《行政复议法》第三十三条、第六十八条、第六十九条";
    public const string Article41 = "《行政复议法》第四十一条";
    public const string Article48And70 = "《行政复议法》第四十八条、第七十条";
    public const string Article50 = "《行政复议法》第五十条";
    public const string Article51 = "《行政复议法》第五十一条";
    public const string Article52 = "《行政复议法》第五十二条";
    public const string Article53 = "《行政复议法》第五十三条";
    public const string Article62 = "《行政复议法》第六十二条";
    public const string Article63To67 = "《行政复议法》第六十三条至第六十七条";
    public const string Article64 = "《行政复议法》第六十四条";
    public const string Article70 = "《行政复议法》第七十条";
}
