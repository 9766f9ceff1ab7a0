using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Tests.Access;

/// <summary>
/// The other half of the role table: what each role may do on a case in its scope goes through, and is recorded
/// in the history under that user and organisation. The applicant files online and withdraws; the clerk of the
/// point that received a case hands in the correction; the respondent agency records its reply; a body's staff
/// receive at the points that receive for their body; only the head decides and extends. The respondent never
/// reads the committee's internal opinion.
/// </summary>
public sealed class PermittedActionTests(EmbeddedGateway gateway) : IClassFixture<EmbeddedGateway>
{
    private readonly CaseClient officer = gateway.As(Actors.DadongOfficer);
    private readonly CaseClient head = gateway.As(Actors.DadongHead);
    private readonly CaseClient brigade = gateway.As(Actors.AgencyStaff(Actors.DadongTrafficBrigade));

    [Fact]
    public async Task An_applicant_files_online_follows_their_own_case_and_withdraws_it()
    {
        var applicant = gateway.As(Actors.Applicant("u-wang-wu"));

        var filed = await applicant.ReceivedAsync(Applications.Online(Actors.DadongTrafficBrigade, "网上申请人"));
        Assert.Equal("u-wang-wu", filed.Case.GetProperty("applicantUserId").GetString());
        Assert.Equal(["withdraw"], filed.AllowedActions);
        Assert.Equal([filed.Id], CaseIds(await applicant.ListAsync()));

        var requested = await officer.DoAsync(filed.Id, new { action = "requestCorrection", missingItems = new[] { "处罚决定书复印件" } });
        Assert.Equal(["submitCorrection", "withdraw"], (await applicant.GetAsync(filed.Id)).AllowedActions);
        await applicant.DoAsync(filed.Id, new { action = "submitCorrection" });
        var withdrawn = await applicant.DoAsync(filed.Id, new { action = "withdraw" });

        Assert.Equal("terminated", withdrawn.CaseStatus);
        Assert.Equal((2, 4), (requested.Version, withdrawn.Version));
        var history = (await officer.HistoryAsync(filed.Id)).Body.EnumerateArray().ToList();
        Assert.Equal(
            [("u-wang-wu", Actors.OnlinePlatform), (Actors.OfficerUser, Actors.DadongBody), ("u-wang-wu", Actors.OnlinePlatform), ("u-wang-wu", Actors.OnlinePlatform)],
            history.Select(e => (e.GetProperty("actorUserId").GetString(), e.GetProperty("actorOrganisationId").GetString())));
    }

    [Fact]
    public async Task The_clerk_of_the_point_that_received_a_case_hands_in_its_correction()
    {
        var clerk = gateway.As(Actors.TrafficPointClerk);
        var id = (await clerk.ReceivedAsync(Applications.TrafficFine("补正代收"))).Id;
        await officer.DoAsync(id, new { action = "requestCorrection", missingItems = new[] { "身份证复印件" } });

        Assert.Equal(["submitCorrection"], (await clerk.GetAsync(id)).AllowedActions);
        Assert.Equal("received", (await clerk.DoAsync(id, new { action = "submitCorrection" })).CaseStatus);
    }

    [Fact]
    public async Task The_respondent_agency_records_its_reply_and_is_offered_nothing_else()
    {
        var id = (await officer.ReceivedAsync(Applications.TrafficFine("被申请人答复"))).Id;
        await officer.DoAsync(id, new { action = "accept", procedure = "ordinary" });
        await officer.DoAsync(id, new { action = "sendCopyToRespondent" });

        Assert.Equal(["recordReply"], (await brigade.GetAsync(id)).AllowedActions);
        var replied = await brigade.DoAsync(id, new { action = "recordReply" });

        Assert.NotNull(replied.Case.GetProperty("replyReceivedOn").GetString());
        Assert.Empty(replied.AllowedActions);
        var entry = (await officer.HistoryAsync(id)).Body.EnumerateArray().Last();
        Assert.Equal(("recordReply", Actors.DadongTrafficBrigade), (entry.GetProperty("action").GetString(), entry.GetProperty("actorOrganisationId").GetString()));
    }

    [Theory]
    [InlineData(Role.BodyHead, Actors.WanquanServicePoint, "servicePoint")]
    [InlineData(Role.CaseOfficer, Actors.DadongHall, "hall")]
    [InlineData(Role.CaseOfficer, Actors.DadongTrafficPoint, "trafficPoliceCollectionPoint")]
    public async Task A_bodys_staff_receive_at_every_point_that_receives_for_their_body(Role role, string intakePointId, string channel)
    {
        var staff = gateway.Cases(role == Role.BodyHead ? Actors.HeadUser : Actors.OfficerUser, Actors.DadongBody, role);

        var received = await staff.ReceivedAsync(Applications.Against(Actors.DadongUrbanManagement, intakePointId, channel, "本机构收件"));

        Assert.Equal(Actors.DadongBody, received.Case.GetProperty("receivingBodyId").GetString());
        Assert.False(received.Case.TryGetProperty("applicantUserId", out _));
    }

    [Fact]
    public async Task Only_the_head_extends_and_decides()
    {
        var id = (await officer.ReceivedAsync(Applications.TrafficFine("负责人批准"))).Id;
        await officer.DoAsync(id, new { action = "accept", procedure = "ordinary" });
        await officer.DoAsync(id, new { action = "sendCopyToRespondent" });
        await brigade.DoAsync(id, new { action = "recordReply" });
        var extend = new { action = "extend", days = 30, approvedBy = Actors.HeadUser };
        var decide = new { action = "decide", type = "uphold", legalBasis = "《行政复议法》第六十八条", summary = "维持", approvedBy = Actors.HeadUser };

        Assert.DoesNotContain("decide", (await officer.GetAsync(id)).AllowedActions);
        Assert.Contains("decide", (await head.GetAsync(id)).AllowedActions);
        (await officer.ActAsync(id, extend)).AssertProblem(403, "role_not_permitted");
        await head.DoAsync(id, extend);
        (await officer.ActAsync(id, decide)).AssertProblem(403, "role_not_permitted");
        Assert.Equal("decided", (await head.DoAsync(id, decide)).CaseStatus);
        Assert.Equal(6, (await officer.GetAsync(id)).Version);
    }

    [Fact]
    public async Task The_committees_opinion_is_withheld_from_the_respondent_and_shown_to_staff_and_supervisors()
    {
        const string opinion = "程序违法，建议撤销";
        var id = (await officer.ReceivedAsync(Applications.TrafficFine("委员会意见"))).Id;
        await officer.DoAsync(id, new { action = "accept", procedure = "ordinary", isMajor = true });
        await officer.DoAsync(id, new { action = "requestCommitteeConsultation" });
        await officer.DoAsync(id, new { action = "recordCommitteeOpinion", opinion });
        var supervisor = gateway.As(Actors.ProvinceSupervisor);

        var asRespondent = await brigade.GetAsync(id);
        var respondentHistory = await brigade.HistoryAsync(id);

        Assert.False(asRespondent.Case.GetProperty("committee").TryGetProperty("opinion", out _));
        Assert.DoesNotContain(opinion, asRespondent.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain(opinion, respondentHistory.RawBody, StringComparison.Ordinal);
        Assert.Equal("（内部意见，不予公开）", respondentHistory.Body.EnumerateArray().Last().GetProperty("payload").GetProperty("opinion").GetString());
        Assert.Equal(opinion, (await supervisor.GetAsync(id)).Case.GetProperty("committee").GetProperty("opinion").GetString());
        Assert.Equal(opinion, (await officer.HistoryAsync(id)).Body.EnumerateArray().Last().GetProperty("payload").GetProperty("opinion").GetString());
    }

    private static IReadOnlyList<string> CaseIds(ApiResponse page) =>
        [.. page.Body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("caseId").GetString()!)];
}
