using System.Text.Json.Nodes;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Access;
using static CaseGrains.Api.Tests.Access.Sees;

namespace CaseGrains.Api.Tests.Access;

/// <summary>What a principal may see of a case (<c>CaseVisibility</c>), as the access tables write it.</summary>
public enum Sees
{
    /// <summary>Out of scope: every case endpoint answers 404, exactly as for a case that does not exist.</summary>
    Nothing,

    /// <summary>Everything, numbers in clear: the applicant themselves and the staff who handle the case.</summary>
    Full,

    /// <summary>Everything, ID and phone numbers masked: supervisors and administrators.</summary>
    Masked,

    /// <summary>As the respondent: numbers masked, no address, no applicant account.</summary>
    Respondent,
}

/// <summary>
/// Four cases around Dadong and Yingkou, received once by people entitled to receive them and never changed
/// afterwards, and the people around them. <see cref="Matrix"/> says, for every person and every case, what the
/// access policy lets them see; every test of <see cref="AccessTests"/> reads its expectations from it.
/// </summary>
/// <remarks>
/// The cases:
/// <list type="bullet">
/// <item><c>traffic</c>: against the Dadong traffic brigade, handed in at its collection point (by that point's clerk);
/// the Dadong body receives and decides it.</item>
/// <item><c>online</c>: against the same brigade, filed online by the applicant <c>u-zhangsan</c>; the online platform
/// receives for the province's body (全域受案), the Dadong body decides it.</item>
/// <item><c>urban</c>: against Dadong's urban management bureau, handed in at the Dadong hall (received by the
/// Dadong head, whose body the hall receives for).</item>
/// <item><c>yingkou</c>: against Yingkou's market regulator, through the Bayuquan green channel (by its clerk); the
/// Bayuquan body receives, the Yingkou city body decides it.</item>
/// </list>
/// </remarks>
public sealed class AccessWorld : IAsyncLifetime
{
    public const string IdNumber = "210102199003074514";
    public const string MaskedIdNumber = "2101**********4514";
    public const string Phone = "13812345678";
    public const string MaskedPhone = "138****5678";
    public const string Address = "沈阳市大东区小北关街1号";
    public const string OnlineApplicantAccount = "u-zhangsan";

    public static readonly string[] CaseNames = ["traffic", "online", "urban", "yingkou"];

    /// <summary>Everyone the tests act as, by a label that says who they are.</summary>
    public static readonly IReadOnlyDictionary<string, Who> People = new Dictionary<string, Who>
    {
        ["applicant u-zhangsan"] = Actors.Applicant(OnlineApplicantAccount),
        ["applicant u-lisi"] = Actors.Applicant("u-lisi"),
        ["clerk, Dadong traffic point"] = Actors.Clerk(Actors.DadongTrafficPoint),
        ["clerk, Dadong hall"] = Actors.Clerk(Actors.DadongHall),
        ["clerk, Yingkou green channel"] = Actors.Clerk(Actors.YingkouGreenChannel),
        ["clerk, online platform"] = Actors.Clerk(Actors.OnlinePlatform),
        ["officer, Dadong body"] = Actors.Officer(Actors.DadongBody),
        ["head, Dadong body"] = Actors.Head(Actors.DadongBody),
        ["officer, Heping body (another Shenyang county)"] = Actors.Officer(Actors.HepingBody),
        ["head, Heping body (another Shenyang county)"] = Actors.Head(Actors.HepingBody),
        ["head, Shenyang city body (above Dadong)"] = Actors.Head("B-R210100"),
        ["officer, province body"] = Actors.Officer("B-R210000"),
        ["officer, Yingkou city body"] = Actors.Officer("B-R210800"),
        ["officer, Bayuquan body"] = Actors.Officer("B-R210804"),
        ["staff, Dadong traffic brigade"] = Actors.AgencyStaff(Actors.DadongTrafficBrigade),
        ["staff, Dadong urban management"] = Actors.AgencyStaff(Actors.DadongUrbanManagement),
        ["staff, Yingkou market regulator"] = Actors.AgencyStaff("A-R210800-SAMR"),
        ["supervisor, province"] = Actors.Supervisor(Actors.ProvinceSupervision),
        ["supervisor, Shenyang"] = Actors.Supervisor(Actors.ShenyangSupervision),
        ["supervisor, Dadong"] = Actors.Supervisor(Actors.DadongSupervision),
        ["supervisor, Yingkou"] = Actors.Supervisor(Actors.YingkouSupervision),
        ["administrator"] = Actors.Administrator,
    };

    /// <summary>Person × case → what they see. Read a row as "this person sees traffic / online / urban / yingkou so".</summary>
    public static readonly IReadOnlyDictionary<string, Sees[]> Matrix = new Dictionary<string, Sees[]>
    {
        //                                                        traffic     online      urban       yingkou
        ["applicant u-zhangsan"] =                               [Nothing,    Full,       Nothing,    Nothing],
        ["applicant u-lisi"] =                                   [Nothing,    Nothing,    Nothing,    Nothing],
        ["clerk, Dadong traffic point"] =                        [Full,       Nothing,    Nothing,    Nothing],
        ["clerk, Dadong hall"] =                                 [Nothing,    Nothing,    Full,       Nothing],
        ["clerk, Yingkou green channel"] =                       [Nothing,    Nothing,    Nothing,    Full],
        ["clerk, online platform"] =                             [Nothing,    Full,       Nothing,    Nothing],
        ["officer, Dadong body"] =                               [Full,       Full,       Full,       Nothing],
        ["head, Dadong body"] =                                  [Full,       Full,       Full,       Nothing],
        ["officer, Heping body (another Shenyang county)"] =     [Nothing,    Nothing,    Nothing,    Nothing],
        ["head, Heping body (another Shenyang county)"] =        [Nothing,    Nothing,    Nothing,    Nothing],
        ["head, Shenyang city body (above Dadong)"] =            [Nothing,    Nothing,    Nothing,    Nothing],
        ["officer, province body"] =                             [Nothing,    Full,       Nothing,    Nothing],
        ["officer, Yingkou city body"] =                         [Nothing,    Nothing,    Nothing,    Full],
        ["officer, Bayuquan body"] =                             [Nothing,    Nothing,    Nothing,    Full],
        ["staff, Dadong traffic brigade"] =                      [Respondent, Respondent, Nothing,    Nothing],
        ["staff, Dadong urban management"] =                     [Nothing,    Nothing,    Respondent, Nothing],
        ["staff, Yingkou market regulator"] =                    [Nothing,    Nothing,    Nothing,    Respondent],
        ["supervisor, province"] =                               [Masked,     Masked,     Masked,     Masked],
        ["supervisor, Shenyang"] =                               [Masked,     Masked,     Masked,     Nothing],
        ["supervisor, Dadong"] =                                 [Masked,     Masked,     Masked,     Nothing],
        ["supervisor, Yingkou"] =                                [Nothing,    Nothing,    Nothing,    Masked],
        ["administrator"] =                                      [Masked,     Masked,     Masked,     Masked],
    };

    public PostgresGateway Gateway { get; } = new(new Dictionary<string, string?> { ["RateLimiting:ApplicantIntakePerMinute"] = "10000" });

    /// <summary>Case ids by name.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    /// <summary>Applicant names by case name: each case has its own, so a leak of any case is recognisable.</summary>
    public static string ApplicantOf(string caseName) => "访问" + caseName;

    public static Sees SeenBy(string person, string caseName) => Matrix[person][Array.IndexOf(CaseNames, caseName)];

    public static IEnumerable<string> CasesSeenBy(string person) => CaseNames.Where(c => SeenBy(person, c) != Nothing);

    public CaseClient As(string person) => Gateway.As(People[person]);

    public async Task InitializeAsync()
    {
        await Gateway.InitializeAsync();
        Ids["traffic"] = await ReceiveAsync(Actors.Clerk(Actors.DadongTrafficPoint), "traffic",
            Applications.TrafficFine());
        Ids["online"] = await ReceiveAsync(Actors.Applicant(OnlineApplicantAccount), "online",
            Applications.Online(Actors.DadongTrafficBrigade, "x"));
        Ids["urban"] = await ReceiveAsync(Actors.Head(Actors.DadongBody), "urban",
            Applications.Against(Actors.DadongUrbanManagement, Actors.DadongHall, "hall", "x"));
        Ids["yingkou"] = await ReceiveAsync(Actors.Clerk(Actors.YingkouGreenChannel), "yingkou",
            Applications.Against("A-R210800-SAMR", Actors.YingkouGreenChannel, "greenChannel", "x"));
    }

    public Task DisposeAsync() => Gateway.DisposeAsync();

    private async Task<string> ReceiveAsync(Who receiver, string caseName, JsonObject application)
    {
        application["applicant"]!["name"] = ApplicantOf(caseName);
        application["applicant"]!["idNumber"] = IdNumber;
        application["applicant"]!["phone"] = Phone;
        application["applicant"]!["address"] = Address;
        return (await Gateway.As(receiver).ReceivedAsync(application)).Id;
    }

    /// <summary>The actions each role is offered on a case just received (status <c>received</c>). Staff of a body
    /// that only received the application are offered none: the competent body decides.</summary>
    public static IReadOnlyList<string> OfferedOnReceipt(Role role, bool ofCompetentBody) => role switch
    {
        Role.CaseOfficer or Role.BodyHead when ofCompetentBody => ["resolveBeforeFiling", "requestCorrection", "accept", "deemAccepted", "notAccept", "withdraw"],
        Role.CaseOfficer or Role.BodyHead => [],
        Role.Applicant => ["withdraw"],
        _ => [],
    };
}
