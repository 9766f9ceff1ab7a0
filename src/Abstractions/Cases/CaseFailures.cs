using CaseGrains.Domain.Cases;

namespace CaseGrains.Abstractions.Cases;

/// <summary>The failures a case grain answers with, in the words users and clients read.</summary>
public static class CaseFailures
{
    public static CaseFailure NotFound(string caseId) =>
        new(CaseFailureKind.NotFound, "case_not_found", "案件不存在", $"No case has the id '{caseId}'.");

    public static CaseFailure AlreadyExists(string caseId) =>
        new(CaseFailureKind.AlreadyExists, "case_already_exists", "案件已存在", $"A case with the id '{caseId}' already exists.");

    public static CaseFailure IdempotencyKeyReused(string key) =>
        new(CaseFailureKind.IdempotencyKeyReused, "idempotency_key_reused", "幂等键已用于其他请求",
            $"The Idempotency-Key '{key}' was already used for a different request on this case.");

    public static CaseFailure VersionMismatch(long expected, long current) =>
        new(CaseFailureKind.VersionMismatch, "version_mismatch", "案件已被修改，请刷新后重试",
            $"The case is at version {current}, not {expected} as If-Match expects.") { CurrentVersion = current };

    public static CaseFailure Conflict(string caseId) =>
        new(CaseFailureKind.Conflict, "concurrent_modification", "案件正在被同时修改，请重试",
            $"Case '{caseId}' was changed by another writer at the same moment; nothing was written.");

    public static CaseFailure Forbidden(CaseActionName action) =>
        new(CaseFailureKind.Forbidden, "role_not_permitted", "您的角色无权执行此操作",
            $"Your role may not perform '{EnumNames.Of(action)}' on this case.");

    public static CaseFailure From(CaseRefusal refusal) => new(Map(refusal.Kind), refusal.Code, refusal.Title, refusal.Detail)
    {
        Field = refusal.Field,
        CurrentStatus = refusal.CurrentStatus is { } status ? EnumNames.Of(status) : null,
        AllowedActions = refusal.AllowedActions?.Select(EnumNames.Of).ToList(),
        LegalBasis = refusal.LegalBasis,
    };

    private static CaseFailureKind Map(CaseRefusalKind kind) => kind switch
    {
        CaseRefusalKind.NotAllowed => CaseFailureKind.NotAllowed,
        CaseRefusalKind.RuleViolation => CaseFailureKind.RuleViolation,
        _ => CaseFailureKind.Invalid,
    };
}
