using System.Text.Json;
using CaseGrains.Domain.Access;

namespace CaseGrains.Persistence.Notifications;

/// <summary>Roles as notifications name them (<see cref="NotificationDraft.RecipientRole"/>): the <see cref="Role"/>
/// names in camelCase, as in tokens and JSON.</summary>
public static class NotificationRoles
{
    private static readonly HashSet<string> Names = [.. Enum.GetValues<Role>().Select(NameOf)];

    public static string NameOf(Role role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    public static bool IsKnown(string name) => Names.Contains(name);
}
