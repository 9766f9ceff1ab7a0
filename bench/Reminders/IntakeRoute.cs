using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Grains.Cases;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// One way an application reaches a body in the demo directory: an intake point, a respondent agency, the routing the
/// case grain would compute for them (<see cref="ReceiptRouter"/>), the channel that fits the intake point, and the
/// people who act on such a case: the intake point's clerk, who registers it, and a case officer of the competent body.
/// </summary>
public sealed record IntakeRoute(ReceiptRouting Routing, ApplicationChannel Channel, Principal Clerk, Principal Officer)
{
    /// <summary>Every staffed intake point (not the online platform, where applicants file themselves) with every
    /// agency the directory routes it to, in a fixed order.</summary>
    public static async Task<IReadOnlyList<IntakeRoute>> AllAsync(IOrganisationDirectory directory)
    {
        var regions = new RegionTree(await directory.ListRegionsAsync());
        var intakePoints = (await directory.ListOrganisationsAsync(OrganisationKind.IntakePoint)).Where(o => o.IntakeKind != IntakePointKind.Online);
        var agencies = await directory.ListOrganisationsAsync(OrganisationKind.EnforcementAgency);
        var routes = new List<IntakeRoute>();
        foreach (var intakePoint in intakePoints)
        {
            foreach (var agency in agencies)
            {
                var probe = new ReceiveApplication
                {
                    Applicant = SyntheticApplicants.For(0),
                    RespondentAgencyId = agency.Id,
                    ChallengedAct = new ChallengedAct { Description = "-", ActOn = BenchTimeline.DueDay, KnownOn = BenchTimeline.DueDay },
                    Claims = "-",
                    Channel = ChannelAt(intakePoint),
                    IntakePointId = intakePoint.Id,
                };
                var outcome = await ReceiptRouter.RouteAsync(probe, directory);
                if (outcome.Routing is not { } routing)
                {
                    continue;
                }

                var clerk = new Principal("clerk-01", intakePoint.Id, Role.IntakeClerk, regions.PathOf(intakePoint.RegionId));
                var officer = new Principal("officer-07", routing.CompetentBody.Id, Role.CaseOfficer, regions.PathOf(routing.CompetentBody.RegionId));
                if (CaseAccessPolicy.MayReceive(clerk, probe, intakePoint) == AccessDecision.Allowed)
                {
                    routes.Add(new IntakeRoute(routing, probe.Channel, clerk, officer));
                }
            }
        }

        return routes.Count > 0 ? routes : throw new InvalidOperationException("The directory routes no application: is it seeded?");
    }

    private static ApplicationChannel ChannelAt(Organisation intakePoint) => intakePoint.IntakeKind switch
    {
        IntakePointKind.TownshipServicePoint => ApplicationChannel.ServicePoint,
        IntakePointKind.EnterpriseGreenChannel => ApplicationChannel.GreenChannel,
        IntakePointKind.TrafficPoliceCollectionPoint => ApplicationChannel.TrafficPoliceCollectionPoint,
        _ => ApplicationChannel.Hall,
    };
}
