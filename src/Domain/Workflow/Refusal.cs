using System.Text.Json;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Workflow;

/// <summary>
/// A refused command of the supervision aggregates (an agency's record, a supervision instrument, an enforcement
/// complaint): the shape of <see cref="CaseRefusal"/> with the same four kinds, so that the gateway maps both to the same
/// HTTP statuses. Each of these aggregates has its own status and action enums, so <see cref="CurrentStatus"/> and
/// <see cref="AllowedActions"/> hold their camelCase names, exactly as the API shows them.
/// </summary>
public sealed record Refusal
{
    public required CaseRefusalKind Kind { get; init; }

    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string Detail { get; init; }

    /// <summary>The camelCase name of the offending field.</summary>
    public string? Field { get; init; }

    /// <summary>The article or rule the refusal comes from, in the form users read.</summary>
    public string? LegalBasis { get; init; }

    public string? CurrentStatus { get; init; }

    public IReadOnlyList<string>? AllowedActions { get; init; }

    public static Refusal NotAllowed<TAction, TStatus>(TAction action, TStatus status, IReadOnlyList<TAction> allowed)
        where TAction : struct, Enum
        where TStatus : struct, Enum
    {
        var names = allowed.Select(NameOf).ToList();
        return new()
        {
            Kind = CaseRefusalKind.NotAllowed,
            Code = "action_not_allowed",
            Title = "当前状态下不能进行该操作",
            Detail = $"'{NameOf(action)}' is not allowed while it is {NameOf(status)}; allowed now: "
                + (names.Count == 0 ? "none" : string.Join(", ", names)) + ".",
            CurrentStatus = NameOf(status),
            AllowedActions = names,
        };
    }

    public static Refusal RuleViolation(string code, string title, string detail, string legalBasis) => new()
    {
        Kind = CaseRefusalKind.RuleViolation,
        Code = code,
        Title = title,
        Detail = detail,
        LegalBasis = legalBasis,
    };

    public static Refusal Invalid(string field, string code, string title, string detail) => new()
    {
        Kind = CaseRefusalKind.Invalid,
        Code = code,
        Title = title,
        Detail = detail,
        Field = field,
    };

    /// <summary>Why a system command changed nothing (<see cref="CaseRefusalKind.Unchanged"/>).</summary>
    public static Refusal NothingToDo(string code, string title, string detail) => new()
    {
        Kind = CaseRefusalKind.Unchanged,
        Code = code,
        Title = title,
        Detail = detail,
    };

    /// <summary>The same refusal in this shape, for the rules the case workflow already states (<see cref="TextLimits"/>).</summary>
    public static Refusal From(CaseRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new()
        {
            Kind = refusal.Kind,
            Code = refusal.Code,
            Title = refusal.Title,
            Detail = refusal.Detail,
            Field = refusal.Field,
            LegalBasis = refusal.LegalBasis,
        };
    }

    /// <summary>This refusal in the case's shape, for the rules the case shares with the other aggregates
    /// (<see cref="ReminderDelivery"/>). A not-allowed refusal names another aggregate's statuses and cannot be one.</summary>
    internal CaseRefusal ToCaseRefusal() => Kind == CaseRefusalKind.NotAllowed
        ? throw new InvalidOperationException($"A not-allowed refusal ({Code}) names statuses the case does not have.")
        : new()
        {
            Kind = Kind,
            Code = Code,
            Title = Title,
            Detail = Detail,
            Field = Field,
            LegalBasis = LegalBasis,
        };

    internal static Refusal Required(string field) =>
        Invalid(field, "value_required", "必填项不能为空", $"{field} is required and must not be blank.");

    internal static Refusal InTheFuture(string field, DateOnly value, DateOnly today) =>
        Invalid(field, "date_in_the_future", "日期不能晚于今天", $"{field} {value:yyyy-MM-dd} is after today, {today:yyyy-MM-dd}.");

    internal static Refusal NotAfterToday(string field, DateOnly value, DateOnly today) =>
        Invalid(field, "date_not_after_today", "期限应当晚于今天", $"{field} {value:yyyy-MM-dd} must be after today, {today:yyyy-MM-dd}.");

    internal static Refusal TooFarAhead(string field, DateOnly value, DateOnly today) =>
        Invalid(field, "date_too_far_ahead", "日期不能晚于一年以后",
            $"{field} {value:yyyy-MM-dd} is more than {FutureDateLimit.Days} days after today, {today:yyyy-MM-dd}.");

    /// <summary>The first text of <paramref name="command"/> longer than the record allows (<see cref="TextLimits"/>).</summary>
    internal static Refusal? TooLong(object command) => TextLimits.FirstViolation(command) is { } tooLong ? From(tooLong) : null;

    internal static string NameOf<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
