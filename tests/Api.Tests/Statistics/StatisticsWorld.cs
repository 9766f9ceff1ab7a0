using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests.Statistics;

/// <summary>
/// Six cases walked through the API today, once for the class, on PostgreSQL:
/// against the Dadong traffic brigade (decided by the Dadong body) <c>annulled</c> (finding: procedure), <c>upheld</c>,
/// <c>resolved</c> before filing, <c>withdrawn</c> after the brigade corrected itself, and <c>open</c> (received only);
/// against Yingkou's market regulator, through the Bayuquan green channel, <c>mediated</c> (decided by Yingkou's body).
/// On the annulled case the Dadong body drafts two opinion letters: the head issues the first and the brigade records
/// its receipt (open, its rectification period running, <see cref="OpinionLetterId"/>); the second stays a draft.
/// </summary>
public sealed class StatisticsWorld : IAsyncLifetime
{
    public PostgresGateway Gateway { get; } = new();

    public static string Today => Dates.ChinaToday.Iso();

    public string OpinionLetterId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Gateway.InitializeAsync();
        var head = Gateway.Cases();

        var annulled = await HeardAsync(head, "统计甲");
        await head.DoAsync(annulled, Decide("annul", "procedure"));
        var upheld = await HeardAsync(head, "统计乙");
        await head.DoAsync(upheld, Decide("uphold"));

        var resolved = (await head.ReceivedAsync(Applications.TrafficFine("统计丙"))).Id;
        await head.DoAsync(resolved, new { action = "resolveBeforeFiling", summary = "交警撤销罚款" });

        var withdrawn = (await head.ReceivedAsync(Applications.TrafficFine("统计丁"))).Id;
        await head.DoAsync(withdrawn, new { action = "accept", procedure = "ordinary" });
        await head.DoAsync(withdrawn, new { action = "withdraw", afterAgencyCorrected = true });

        await head.ReceivedAsync(Applications.TrafficFine("统计戊"));

        var yingkou = Gateway.As(Actors.Officer("B-R210800"));
        var mediated = (await Gateway.As(Actors.Clerk(Actors.YingkouGreenChannel))
            .ReceivedAsync(Applications.Against("A-R210800-SAMR", Actors.YingkouGreenChannel, "greenChannel", "统计己 有限公司", enterprise: true))).Id;
        await yingkou.DoAsync(mediated, new { action = "accept", procedure = "ordinary" });
        await yingkou.DoAsync(mediated, new { action = "startMediation" });
        await yingkou.DoAsync(mediated, new { action = "recordMediationAgreement", terms = "双方达成调解协议" });

        OpinionLetterId = await DraftLetterAsync(annulled, "letter-1");
        await ActAsync(Actors.DadongHead, OpinionLetterId, new { action = "approveAndIssue" });
        await ActAsync(Actors.AgencyStaff(Actors.DadongTrafficBrigade), OpinionLetterId, new { action = "recordReceipt" });
        await DraftLetterAsync(annulled, "letter-2");
    }

    public Task DisposeAsync() => Gateway.DisposeAsync();

    private async Task<string> DraftLetterAsync(string caseId, string idempotencyKey)
    {
        var letter = new { title = "行政复议意见书", problems = "程序违法", requirements = "请依法纠正并于六十日内报送整改情况", flaws = new[] { "procedure" } };
        var drafted = await Gateway.As(Actors.DadongOfficer)
            .SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/opinion-letters", CaseClient.Json(letter), idempotencyKey: idempotencyKey);
        return drafted.StatusCode == 201 ? drafted.Id : throw new InvalidOperationException($"drafting answered {drafted.StatusCode}");
    }

    private async Task ActAsync(Who who, string id, object command)
    {
        var response = await Gateway.As(who).SendAsync(HttpMethod.Post, $"/api/v1/instruments/{id}/actions", CaseClient.Json(command));
        if (response.StatusCode != 200)
        {
            throw new InvalidOperationException($"{command} answered {response.StatusCode}");
        }
    }

    private static async Task<string> HeardAsync(CaseClient head, string applicant)
    {
        var id = (await head.ReceivedAsync(Applications.TrafficFine(applicant))).Id;
        await head.DoAsync(id, new { action = "accept", procedure = "ordinary" });
        await head.DoAsync(id, new { action = "sendCopyToRespondent" });
        await head.DoAsync(id, new { action = "recordReply" });
        return id;
    }

    private static object Decide(string type, params string[] findings) => new
    {
        action = "decide",
        type,
        findings,
        legalBasis = "《行政复议法》",
        summary = "依法作出决定",
        approvedBy = Actors.HeadUser,
    };
}
