namespace CaseGrains.Domain.Notifications;

/// <summary>A notice about a case for one recipient: a one-line <see cref="Title"/> and a <see cref="Text"/> that says
/// what happened and what follows from it, both in the users' language.</summary>
public sealed record CaseNotice(NoticeRecipient Recipient, string Title, string Text);
