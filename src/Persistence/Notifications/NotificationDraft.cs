namespace CaseGrains.Persistence.Notifications;

/// <summary>
/// A notification written with the case change that caused it (<see cref="Cases.CaseCommit.Notifications"/>), in the
/// same transaction, so a fired reminder step produces its notifications exactly once. It is addressed to one user
/// (<see cref="RecipientUserId"/>) or to one organisation (<see cref="RecipientOrganisationId"/>), optionally only to
/// the members with <see cref="RecipientRole"/> (a <c>Role</c> name, camelCase). <see cref="Kind"/> says what
/// happened (e.g. <c>reminderFired</c>); <see cref="Title"/> and <see cref="Text"/> are what the user reads (Chinese);
/// <see cref="PayloadJson"/> is the machine-readable detail (JSON object). The case id and creation time are the
/// commit's.
/// </summary>
public sealed record NotificationDraft(
    string Kind,
    string? RecipientOrganisationId,
    string? RecipientRole,
    string? RecipientUserId,
    string Title,
    string Text,
    string PayloadJson);
