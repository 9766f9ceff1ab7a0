using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;

namespace CaseGrains.Grains.Tests.PersonalData;

/// <summary>A case and its receipt event with an applicant whose numbers are valid, for the protector's tests.</summary>
internal static class ProtectedCases
{
    public const string IdNumber = "210102199003074514";

    public const string Phone = "13812345678";

    private static readonly Organisation IntakePoint = new("I-R210104-TRAFFIC", "大东区交警代收点", OrganisationKind.IntakePoint, "R210104",
        IntakePointKind.TrafficPoliceCollectionPoint, "B-R210104");

    private static readonly Organisation Body = new("B-R210104", "大东区人民政府行政复议机构", OrganisationKind.ReconsiderationBody, "R210104");

    private static readonly Organisation Agency = new("A-R210104-TRAFFIC", "沈阳市公安局交通警察支队大东大队", OrganisationKind.EnforcementAgency, "R210104");

    public static (ReconsiderationCase Case, ApplicationReceived Received) Received()
    {
        var receivedOn = new DateOnly(2025, 3, 3);
        var application = new ReceiveApplication
        {
            Applicant = new() { Kind = ApplicantKind.Person, Name = "张三", IdNumber = IdNumber, Phone = Phone, Address = "沈阳市大东区小河沿路1号" },
            RespondentAgencyId = Agency.Id,
            ChallengedAct = new()
            {
                Description = "沈公交罚字〔2025〕第001号行政处罚决定",
                ActOn = receivedOn.AddDays(-10),
                KnownOn = receivedOn.AddDays(-10),
                PenaltyKind = PenaltyKind.Fine,
                AmountYuan = 200m,
            },
            Claims = "撤销该行政处罚决定",
            Channel = ApplicationChannel.TrafficPoliceCollectionPoint,
            IntakePointId = IntakePoint.Id,
            ReceivedOn = receivedOn,
        };
        var routing = new ReceiptRouting(IntakePoint, Body, Agency, Body, "/R210000/R210100/R210104/");
        var context = new CaseContext(new DateTimeOffset(receivedOn, new TimeOnly(10, 0), TimeSpan.FromHours(8)), new WorkingDayCalendar(ShippedHolidayArrangements.All));
        var transition = ReconsiderationCase.Receive("FY-PD-1", application, routing, context);
        Assert.True(transition.IsSuccess, transition.Refusal?.Detail);
        return (transition.State, Assert.IsType<ApplicationReceived>(transition.Event));
    }
}
