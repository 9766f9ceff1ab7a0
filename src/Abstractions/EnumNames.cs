using System.Text.Json;

namespace CaseGrains.Abstractions;

/// <summary>Enum values as they appear in JSON and in the list index: camelCase names.</summary>
public static class EnumNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Every value of <typeparamref name="T"/> by its name, for reading names from query strings and claims.</summary>
    public static IReadOnlyDictionary<string, T> Lookup<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(Of, StringComparer.Ordinal);
}
