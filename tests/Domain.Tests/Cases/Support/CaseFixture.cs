using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Tests.Cases.Support;

/// <summary>The fixed world the case specifications run in: the shipped 2025/2026 calendar, a clock set to a given
/// Beijing date, and a small directory of organisations.</summary>
internal static class CaseFixture
{
    public static readonly WorkingDayCalendar ShippedCalendar = new(ShippedHolidayArrangements.All);

    public static readonly Organisation IntakePoint = new("IP-HUNNAN-TRAFFIC", "浑南区交警代收点", OrganisationKind.IntakePoint, "R210112",
        IntakePointKind.TrafficPoliceCollectionPoint, "RB-HUNNAN");

    public static readonly Organisation ReceivingBody = new("RB-HUNNAN", "浑南区人民政府行政复议机构", OrganisationKind.ReconsiderationBody, "R210112");

    public static readonly Organisation CompetentBody = new("RB-SHENYANG", "沈阳市人民政府行政复议机构", OrganisationKind.ReconsiderationBody, "R210100");

    public static readonly Organisation Agency = new("AG-SY-TRAFFIC", "沈阳市公安局交通警察支队", OrganisationKind.EnforcementAgency, "R210100");

    public static readonly ReceiptRouting Routing = new(IntakePoint, ReceivingBody, Agency, CompetentBody, "/R210000/R210100/");

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Ten in the morning, Beijing time, on <paramref name="date"/>.</summary>
    public static CaseContext At(DateOnly date) => new(new DateTimeOffset(date, new TimeOnly(10, 0), TimeSpan.FromHours(8)), ShippedCalendar);

    /// <summary>A timely application against a 2,000-yuan traffic fine made ten days before it is received.</summary>
    public static ReceiveApplication Application(DateOnly receivedOn) => new()
    {
        Applicant = new() { Kind = ApplicantKind.Person, Name = "张三", IdNumber = "210102199001011237", Phone = "13800000000" },
        RespondentAgencyId = Agency.Id,
        ChallengedAct = new()
        {
            Description = "沈公交罚字〔2025〕第001号行政处罚决定",
            ActOn = receivedOn.AddDays(-10),
            KnownOn = receivedOn.AddDays(-10),
            PenaltyKind = PenaltyKind.Fine,
            AmountYuan = 2_000m,
        },
        Claims = "撤销该行政处罚决定",
        Channel = ApplicationChannel.TrafficPoliceCollectionPoint,
        IntakePointId = IntakePoint.Id,
        ReceivedOn = receivedOn,
    };
}
