namespace CaseGrains.Persistence.Notifications;

/// <summary>
/// A notification written with the case change that caused it (<see cref="Cases.CaseCommit.Notifications"/>), in the
/// same transaction, so a fired reminder step produces its notifications exactly once. It is addressed either to one
/// user (<see cref="RecipientUserId"/>, with the other two null) or to one organisation
/// (<see cref="RecipientOrganisationId"/>), then optionally only to its members with <see cref="RecipientRole"/> (a
/// <c>Role</c> name in camelCase, e.g. <c>bodyHead</c>; see <see cref="NotificationRoles"/>). Who sees it is
/// <see cref="NotificationRecipient.Sees"/>. <see cref="Kind"/> says what happened (e.g. <c>reminderFired</c>);
/// <see cref="Title"/> and <see cref="Text"/> are what the user reads (Chinese, not blank); <see cref="PayloadJson"/> is
/// the machine-readable detail and must be a JSON object. The lengths are bounded by <see cref="NotificationLimits"/>.
/// The case id and creation time are the commit's. A commit whose notifications break these rules is refused with an
/// <see cref="ArgumentException"/> before anything is written.
/// </summary>
public sealed record NotificationDraft(
    string Kind,
    string? RecipientOrganisationId,
    string? RecipientRole,
    string? RecipientUserId,
    string Title,
    string Text,
    string PayloadJson);
