using System.Text.Json.Nodes;
using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Persistence.Tests.Support;

/// <summary>Test data: a small piece of Liaoning's hierarchy and commits for cases in it.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 30, 15, TimeSpan.FromHours(8));

    public static IReadOnlyList<Region> Regions { get; } =
    [
        new("R210000", "辽宁省", RegionLevel.Province, null),
        new("R210100", "沈阳市", RegionLevel.City, "R210000"),
        new("R210102", "和平区", RegionLevel.County, "R210100"),
        new("R210104", "大东区", RegionLevel.County, "R210100"),
        new("R210104001", "东站街道", RegionLevel.Township, "R210104"),
        new("R210200", "大连市", RegionLevel.City, "R210000"),
        new("R210202", "中山区", RegionLevel.County, "R210200"),

        // A sibling whose code is a prefix of another's: its subtree must not swallow R210100's, nor the reverse.
        new("R2101", "前缀市", RegionLevel.City, "R210000"),
    ];

    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        new("B-SY", "沈阳市人民政府行政复议办公室", OrganisationKind.ReconsiderationBody, "R210100"),
        new("B-DL", "大连市人民政府行政复议办公室", OrganisationKind.ReconsiderationBody, "R210200"),
        new("A-DD-PSB", "沈阳市公安局大东分局", OrganisationKind.EnforcementAgency, "R210104"),
        new("IP-DD-001", "东站街道行政复议服务点", OrganisationKind.IntakePoint, "R210104001", IntakePointKind.TownshipServicePoint, "B-SY"),
        new("S-LN", "辽宁省司法厅", OrganisationKind.SupervisionOffice, "R210000"),
    ];

    public static string PathOf(string regionId) => new RegionTree(Regions).PathOf(regionId);

    public static CaseIndexEntry Index(string caseId, long version = 1) => new(
        caseId,
        "Received",
        "B-SY",
        "B-SY",
        "A-DD-PSB",
        "IP-DD-001",
        PathOf("R210104"),
        "Hall",
        false,
        "张三",
        "沈阳市公安局大东分局",
        new DateOnly(2025, 3, 3),
        new DateOnly(2025, 3, 10),
        Now,
        version,
        "u-applicant-1");

    public static CaseHistoryEntry Entry(long sequence, string action = "ApplicationReceived", string? idempotencyKey = null) => new(
        sequence,
        Now.AddMinutes(sequence),
        "u-officer-1",
        "B-SY",
        action,
        sequence == 1 ? null : "依法审查",
        $$"""{"action": "{{action}}", "sequence": {{sequence}}}""",
        idempotencyKey);

    public static string Snapshot(string caseId, long version, string status = "Received") =>
        $$"""{"caseId": "{{caseId}}", "version": {{version}}, "status": "{{status}}", "applicant": {"name": "张三"} }""";

    /// <summary>The commit that takes <paramref name="caseId"/> from <paramref name="expectedVersion"/> to the next version.</summary>
    public static CaseCommit Commit(
        string caseId,
        long expectedVersion,
        string status = "Received",
        string? idempotencyKey = null,
        Func<CaseIndexEntry, CaseIndexEntry>? index = null)
    {
        var version = expectedVersion + 1;
        var indexEntry = Index(caseId, version) with { Status = status, UpdatedAt = Now.AddMinutes(version) };
        return new CaseCommit(
            caseId,
            expectedVersion,
            Snapshot(caseId, version, status),
            index is null ? indexEntry : index(indexEntry),
            Entry(version, status, idempotencyKey));
    }

    /// <summary>A notification to one user, titled <paramref name="title"/> (the tests tell notifications apart by title).</summary>
    public static NotificationDraft ToUser(string userId, string title) =>
        new("reminderFired", null, null, userId, title, "复议期限即将届满，请及时处理。", $$"""{"title": "{{title}}", "step": "advanceWarning"}""");

    /// <summary>A notification to an organisation, or only to its members with <paramref name="role"/> (camelCase).</summary>
    public static NotificationDraft ToOrganisation(string organisationId, string title, string? role = null) =>
        new("reminderFired", organisationId, role, null, title, "复议期限即将届满，请及时处理。", $$"""{"title": "{{title}}", "step": "dueToday"}""");

    /// <summary>Whether two JSON texts hold the same value (jsonb does not keep whitespace or key order).</summary>
    public static bool SameJson(string expected, string actual) =>
        JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));
}
