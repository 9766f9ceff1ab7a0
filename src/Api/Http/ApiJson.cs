using System.Text.Json;
using CaseGrains.Domain.Serialization;

namespace CaseGrains.Api.Http;

/// <summary>The JSON the API reads: the domain's shape, strictly (see <see cref="DomainJson.Strict"/>), and a property
/// given twice is an error rather than "the last one wins", so that no two readers of a body can disagree on it.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Input { get; } = CreateInput();

    private static JsonSerializerOptions CreateInput()
    {
        var options = new JsonSerializerOptions(DomainJson.Strict) { AllowDuplicateProperties = false };
        options.MakeReadOnly();
        return options;
    }
}
