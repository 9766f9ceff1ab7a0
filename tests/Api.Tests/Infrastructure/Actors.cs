namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>Who the tests act as (the X-User-Id / X-Organisation-Id headers) and demo organisations they use.</summary>
public static class Actors
{
    public const string OfficerUser = "officer-wang";
    public const string ClerkUser = "clerk-li";
    public const string HeadUser = "head-zhao";

    /// <summary>沈阳市大东区人民政府行政复议办公室.</summary>
    public const string DadongBody = "B-R210104";

    /// <summary>The traffic-police collection point in Dadong, receiving for <see cref="DadongBody"/>.</summary>
    public const string DadongTrafficPoint = "I-R210104-TRAFFIC";

    /// <summary>沈阳市公安局交通警察支队大东大队.</summary>
    public const string DadongTrafficBrigade = "A-R210104-TRAFFIC";
}
