using System.Text.Json;

namespace CaseGrains.Persistence.Cases;

/// <summary>Enum values as the <c>cases</c> columns store them: camelCase names, as the list's <c>status</c> is.</summary>
public static class StoredNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string? OfNullable<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : null;

    /// <summary>The value named <paramref name="name"/>; a name no value has is a corrupt row and throws.</summary>
    public static T Parse<T>(string name) where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(name, out var value) ? value : throw new FormatException($"'{name}' names no {typeof(T).Name}.");

    private static class Names<T> where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => Of(v), StringComparer.Ordinal);
    }
}
