using System.Text.Json;
using CaseGrains.Domain.Serialization;

namespace CaseGrains.Api.Http;

/// <summary>The JSON the API reads: the domain's shape, strictly (see <see cref="DomainJson.Strict"/>).</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Input => DomainJson.Strict;
}
