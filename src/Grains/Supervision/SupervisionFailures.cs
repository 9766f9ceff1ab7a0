using CaseGrains.Abstractions;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Grains.Supervision;

/// <summary>The failures instrument grains answer with, in the shape of the case's (so the gateway maps them to the same
/// problem details): a Chinese title for users, an English detail and a stable code.</summary>
public static class SupervisionFailures
{
    public static CaseFailure NotFound(string instrumentId) =>
        new(CaseFailureKind.NotFound, "instrument_not_found", "文书不存在", $"No instrument has the id '{instrumentId}'.");

    public static CaseFailure AlreadyExists(string instrumentId) =>
        new(CaseFailureKind.AlreadyExists, "instrument_already_exists", "文书已存在", $"An instrument with the id '{instrumentId}' already exists.");

    public static CaseFailure Forbidden(InstrumentActionName action) =>
        new(CaseFailureKind.Forbidden, "role_not_permitted", "您的角色无权执行此操作", $"Your role may not perform '{EnumNames.Of(action)}' on this instrument.");

    public static CaseFailure ForbiddenOnCase(string caseId) =>
        new(CaseFailureKind.Forbidden, "role_not_permitted", "您的角色无权就该案件制发文书", $"Your role may not draft an instrument from case '{caseId}'.");

    public static CaseFailure NoSupervisionOffice(string regionPath) =>
        new(CaseFailureKind.RuleViolation, "no_supervision_office", "该地区没有行政执法监督机构", $"No supervision office supervises '{regionPath}'.");

    public static CaseFailure From(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.Kind switch
        {
            Domain.Cases.CaseRefusalKind.NotAllowed => CaseFailureKind.NotAllowed,
            Domain.Cases.CaseRefusalKind.RuleViolation => CaseFailureKind.RuleViolation,
            _ => CaseFailureKind.Invalid,
        }, refusal.Code, refusal.Title, refusal.Detail)
        {
            Field = refusal.Field,
            CurrentStatus = refusal.CurrentStatus,
            AllowedActions = refusal.AllowedActions?.ToList(),
            LegalBasis = refusal.LegalBasis,
        };
    }
}
