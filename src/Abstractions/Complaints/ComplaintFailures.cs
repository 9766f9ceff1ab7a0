using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Abstractions.Complaints;

/// <summary>The failures a complaint grain answers with, in the words users and clients read.</summary>
public static class ComplaintFailures
{
    public static CaseFailure NotFound(string complaintId) =>
        new(CaseFailureKind.NotFound, "complaint_not_found", "投诉举报不存在", $"No complaint has the id '{complaintId}'.");

    public static CaseFailure AlreadyExists(string complaintId) =>
        new(CaseFailureKind.AlreadyExists, "complaint_already_exists", "投诉举报已存在", $"A complaint with the id '{complaintId}' already exists.");

    public static CaseFailure IdempotencyKeyReused(string key) =>
        new(CaseFailureKind.IdempotencyKeyReused, "idempotency_key_reused", "幂等键已用于其他请求",
            $"The Idempotency-Key '{key}' was already used for a different request on this complaint.");

    public static CaseFailure VersionMismatch(long expected, long current) =>
        new(CaseFailureKind.VersionMismatch, "version_mismatch", "投诉举报已被修改，请刷新后重试",
            $"The complaint is at version {current}, not {expected} as If-Match expects.") { CurrentVersion = current };

    public static CaseFailure Conflict(string complaintId) =>
        new(CaseFailureKind.Conflict, "concurrent_modification", "投诉举报正在被同时修改，请重试",
            $"Complaint '{complaintId}' was changed by another writer at the same moment; nothing was written.");

    public static CaseFailure Forbidden(ComplaintActionName action) =>
        new(CaseFailureKind.Forbidden, "role_not_permitted", "您的角色无权执行此操作",
            $"Your role or office may not perform '{EnumNames.Of(action)}' on this complaint.");

    public static CaseFailure AgencyNotFound(string agencyId) =>
        new(CaseFailureKind.Invalid, "agency_not_found", "被投诉的行政执法机关不存在",
            $"'{agencyId}' is not an enforcement agency in the directory.") { Field = "agencyId" };

    public static CaseFailure NoSupervisionOffice(string agencyId) =>
        new(CaseFailureKind.RuleViolation, "no_supervision_office", "被投诉机关所在地区没有行政执法监督机构",
            $"No supervision office supervises the region of agency '{agencyId}' or any region above it.");

    public static CaseFailure From(Refusal refusal) => new(Map(refusal.Kind), refusal.Code, refusal.Title, refusal.Detail)
    {
        Field = refusal.Field,
        CurrentStatus = refusal.CurrentStatus,
        AllowedActions = refusal.AllowedActions?.ToList(),
        LegalBasis = refusal.LegalBasis,
    };

    private static CaseFailureKind Map(CaseRefusalKind kind) => kind switch
    {
        CaseRefusalKind.NotAllowed => CaseFailureKind.NotAllowed,
        CaseRefusalKind.RuleViolation => CaseFailureKind.RuleViolation,
        _ => CaseFailureKind.Invalid,
    };
}
