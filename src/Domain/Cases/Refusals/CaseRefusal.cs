using System.Text.Json;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// A refused command: a stable snake_case <see cref="Code"/>, a Chinese <see cref="Title"/> for the user and an
/// English <see cref="Detail"/>. <see cref="Field"/> is set for <see cref="CaseRefusalKind.Invalid"/>,
/// <see cref="LegalBasis"/> for <see cref="CaseRefusalKind.RuleViolation"/>, <see cref="CurrentStatus"/> and
/// <see cref="AllowedActions"/> for <see cref="CaseRefusalKind.NotAllowed"/>. Of kind <see cref="CaseRefusalKind.Unchanged"/>, it is
/// not a refusal but the reason a system command changed nothing (<see cref="CaseTransition.IsUnchanged"/>).
/// </summary>
public sealed record CaseRefusal
{
    public required CaseRefusalKind Kind { get; init; }

    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string Detail { get; init; }

    /// <summary>The camelCase name of the offending field.</summary>
    public string? Field { get; init; }

    /// <summary>The article the rule comes from, in the form users read (e.g. 《行政复议法》第六十二条).</summary>
    public string? LegalBasis { get; init; }

    public CaseStatus? CurrentStatus { get; init; }

    public IReadOnlyList<CaseActionName>? AllowedActions { get; init; }

    public static CaseRefusal NotAllowed(CaseActionName action, CaseStatus status, IReadOnlyList<CaseActionName> allowed) => new()
    {
        Kind = CaseRefusalKind.NotAllowed,
        Code = "action_not_allowed",
        Title = "案件当前状态下不能进行该操作",
        Detail = $"'{NameOf(action)}' is not allowed while the case is {NameOf(status)}; allowed now: "
            + (allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(a => NameOf(a)))) + ".",
        CurrentStatus = status,
        AllowedActions = allowed,
    };

    public static CaseRefusal RuleViolation(string code, string title, string detail, string legalBasis) => new()
    {
        Kind = CaseRefusalKind.RuleViolation,
        Code = code,
        Title = title,
        Detail = detail,
        LegalBasis = legalBasis,
    };

    public static CaseRefusal Invalid(string field, string code, string title, string detail) => new()
    {
        Kind = CaseRefusalKind.Invalid,
        Code = code,
        Title = title,
        Detail = detail,
        Field = field,
    };

    /// <summary>Why a system command changed nothing (<see cref="CaseRefusalKind.Unchanged"/>).</summary>
    public static CaseRefusal NothingToDo(string code, string title, string detail) => new()
    {
        Kind = CaseRefusalKind.Unchanged,
        Code = code,
        Title = title,
        Detail = detail,
    };

    internal static CaseRefusal Required(string field) =>
        Invalid(field, "value_required", "必填项不能为空", $"{field} is required and must not be blank.");

    internal static CaseRefusal InTheFuture(string field, DateOnly value, DateOnly today) =>
        Invalid(field, "date_in_the_future", "日期不能晚于今天", $"{field} {value:yyyy-MM-dd} is after today, {today:yyyy-MM-dd}.");

    private static string NameOf<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
