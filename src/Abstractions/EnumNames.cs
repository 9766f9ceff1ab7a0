using System.Text.Json;

namespace CaseGrains.Abstractions;

/// <summary>Enum values as they appear in JSON and in the list index: camelCase names.</summary>
public static class EnumNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
