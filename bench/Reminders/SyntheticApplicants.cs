using System.Globalization;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.PersonalData;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// Made-up applicants, one per case number: a common Chinese name, a resident ID number that passes GB 11643's check
/// (Liaoning address codes, birth dates from 1950 to 2005) and a mobile number. None is a real person's; they are
/// encrypted at rest all the same, as the platform encrypts every applicant's numbers.
/// </summary>
public static class SyntheticApplicants
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];

    private static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "志强"];

    private static readonly string[] AddressCodes = ["210102", "210104", "210112", "210402", "210802", "211103", "211302"];

    public static Applicant For(int number)
    {
        var random = new Random(number);
        var born = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 20_000));
        var first17 = AddressCodes[random.Next(AddressCodes.Length)]
            + born.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
        return new Applicant
        {
            Kind = ApplicantKind.Person,
            Name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
            IdNumber = first17 + ResidentIdNumber.CheckCharacter(first17),
            Phone = "13" + random.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture),
        };
    }
}
