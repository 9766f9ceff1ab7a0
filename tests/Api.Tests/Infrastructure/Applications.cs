using System.Text.Json.Nodes;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>Application bodies for <c>POST /api/v1/cases</c>, as JSON the tests can change before sending.</summary>
public static class Applications
{
    /// <summary>
    /// A 200-yuan fine made on the spot by the Dadong traffic brigade, handed in at its collection point a few days
    /// after the applicant knew of it (well inside the 60-day filing period).
    /// </summary>
    public static JsonObject TrafficFine(string applicantName = "张三", int knownDaysAgo = 3) => new()
    {
        ["applicant"] = new JsonObject
        {
            ["kind"] = "person",
            ["name"] = applicantName,
            ["idNumber"] = "210102199003074514",
            ["phone"] = "13812345678",
        },
        ["respondentAgencyId"] = Actors.DadongTrafficBrigade,
        ["challengedAct"] = new JsonObject
        {
            ["description"] = "沈公交罚字第0012号罚款决定：罚款200元",
            ["actOn"] = Dates.ChinaToday.AddDays(-knownDaysAgo).Iso(),
            ["knownOn"] = Dates.ChinaToday.AddDays(-knownDaysAgo).Iso(),
            ["penaltyKind"] = "fine",
            ["amountYuan"] = 200,
            ["madeOnTheSpot"] = true,
        },
        ["claims"] = "撤销该罚款决定",
        ["channel"] = "trafficPoliceCollectionPoint",
        ["intakePointId"] = Actors.DadongTrafficPoint,
    };

    /// <summary>The same application against another agency, received at another intake point.</summary>
    public static JsonObject Against(string agencyId, string intakePointId, string channel, string applicantName, bool enterprise = false)
    {
        var body = TrafficFine(applicantName);
        body["respondentAgencyId"] = agencyId;
        body["intakePointId"] = intakePointId;
        body["channel"] = channel;
        body["challengedAct"]!["description"] = "行政处罚决定";
        body["challengedAct"]!["madeOnTheSpot"] = false;
        if (enterprise)
        {
            body["applicant"]!["kind"] = "enterprise";
            body["applicant"]!["idNumber"] = "91210800MA0TEST01X";
            body["enterpriseRelated"] = true;
        }

        return body;
    }

    /// <summary>The same application filed by the applicant themselves on the online platform (the only way an
    /// applicant may open a case).</summary>
    public static JsonObject Online(string agencyId, string applicantName) =>
        Against(agencyId, Actors.OnlinePlatform, "online", applicantName);

    /// <summary>A copy of <paramref name="body"/> with one change made by <paramref name="change"/>.</summary>
    public static JsonObject With(this JsonObject body, Action<JsonObject> change)
    {
        var copy = (JsonObject)body.DeepClone();
        change(copy);
        return copy;
    }
}
