using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations.Demo;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Supervision;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>Cases decided against Dadong agencies, and the people of enforcement supervision, as the supervision
/// specifications use them. Dates follow the cluster's clock, which the tests may move forward.</summary>
public sealed class SupervisionScenario(CaseCluster cluster)
{
    /// <summary>大东区司法局: issues supervision notices for Dadong's agencies.</summary>
    public static readonly Principal DadongSupervisor = new("u-sup-dadong", "S-R210104", Role.Supervisor, "/R210000/R210100/R210104/");

    /// <summary>沈阳市司法局: one level above Dadong.</summary>
    public static readonly Principal CitySupervisor = new("u-sup-shenyang", "S-R210100", Role.Supervisor, "/R210000/R210100/");

    public const string UrbanManagement = "A-R210104-URBAN";

    public const string WanquanStreetOffice = LiaoningDemo.WanquanStreetOffice;

    private TimeProvider Clock => cluster.Clock ?? TimeProvider.System;

    public DateOnly Today => ChinaTime.Today(Clock);

    public ISupervisionStore Store => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ISupervisionStore>();

    public static string NewCaseId() => "RC-" + Guid.NewGuid().ToString("N")[..16];

    public static string NewInstrumentId() => "SI-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A case against <paramref name="agencyId"/> received at the Dadong hall, accepted, copied and replied to:
    /// ready for the head's decision.</summary>
    public async Task<string> ReadyForDecisionAsync(string agencyId)
    {
        var id = NewCaseId();
        var grain = cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id);
        (await grain.Receive(Application(agencyId), Samples.By(Samples.Clerk))).Succeeded();
        (await grain.Perform(Samples.AcceptOrdinary, Samples.By(Samples.Reviewer))).Succeeded();
        (await grain.Perform(new SendCopyToRespondent(), Samples.By(Samples.Clerk))).Succeeded();
        (await grain.Perform(new RecordReply(), Samples.By(Samples.Clerk))).Succeeded();
        return id;
    }

    /// <summary>The head annuls the act for <paramref name="flaw"/> (直接纠错), and the finding reaches the agency.</summary>
    public async Task<CaseView> AnnulAsync(string caseId, FlawKind flaw)
    {
        var decided = (await AnnulUndeliveredAsync(caseId, flaw)).Succeeded();
        await DeliveredAsync();
        return decided;
    }

    /// <summary>The head annuls the act for <paramref name="flaw"/>; answers as soon as the case does, whether or not
    /// the finding has reached the agency yet.</summary>
    public Task<CaseResult> AnnulUndeliveredAsync(string caseId, FlawKind flaw) =>
        cluster.Grains.GetGrain<IReconsiderationCaseGrain>(caseId).Perform(Annul(flaw), Samples.By(Samples.Head));

    /// <summary>Completes when every finding the silos' commits have started delivering has reached its agency, and
    /// whatever the agency owed its notices for it has been delivered too.</summary>
    public Task DeliveredAsync() =>
        Task.WhenAll(cluster.Cluster.Silos.Select(silo => silo.ServiceProvider.GetRequiredService<BackgroundDelivery>().WhenIdleAsync()));

    public async Task<string> DecidedAsync(string agencyId, FlawKind flaw)
    {
        var id = await ReadyForDecisionAsync(agencyId);
        await AnnulAsync(id, flaw);
        return id;
    }

    public async Task<AgencyView> AgencyAsync(string agencyId)
    {
        var read = await cluster.Grains.GetGrain<IAgencyGrain>(agencyId).Get(DadongSupervisor);
        Assert.Null(read.Failure);
        return read.Agency!;
    }

    public async Task<InstrumentView> InstrumentAsync(string instrumentId, Principal? principal = null)
    {
        var read = await cluster.Grains.GetGrain<ISupervisionInstrumentGrain>(instrumentId).Get(principal ?? DadongSupervisor);
        Assert.True(read.Failure is null, $"{read.Failure?.Code}: {read.Failure?.Detail}");
        return read.Instrument!;
    }

    public async Task<InstrumentView> PerformAsync(string instrumentId, InstrumentCommand command, Principal actor)
    {
        var result = await cluster.Grains.GetGrain<ISupervisionInstrumentGrain>(instrumentId).Perform(command, Samples.By(actor));
        Assert.True(result.Failure is null, $"{result.Failure?.Code}: {result.Failure?.Detail}");
        return result.Instrument!;
    }

    public async Task<IReadOnlyList<InstrumentSummary>> InstrumentsAgainstAsync(string agencyId) =>
        (await Store.ListInstrumentsAsync(new InstrumentListQuery { AgencyId = agencyId, PageSize = 200 })).Items;

    public static Decide Annul(FlawKind flaw) => new()
    {
        Type = DecisionType.Annul,
        Findings = [flaw],
        LegalBasis = "《中华人民共和国行政复议法》第六十四条",
        Summary = "该行政行为存在违法情形，予以撤销",
        ApprovedBy = "李主任",
    };

    private ReceiveApplication Application(string agencyId) => new()
    {
        Applicant = new() { Kind = ApplicantKind.Person, Name = "王五" },
        RespondentAgencyId = agencyId,
        ChallengedAct = new()
        {
            Description = "责令限期拆除决定",
            ActOn = Today.AddDays(-10),
            KnownOn = Today.AddDays(-10),
            PenaltyKind = PenaltyKind.Fine,
            AmountYuan = 5_000m,
        },
        Claims = "撤销该决定",
        Channel = ApplicationChannel.Hall,
        IntakePointId = "I-R210104-HALL",
    };
}
