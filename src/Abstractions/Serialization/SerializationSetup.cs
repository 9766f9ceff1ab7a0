using CaseGrains.Domain.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CaseGrains.Abstractions.Serialization;

public static class SerializationSetup
{
    /// <summary>
    /// Lets Orleans carry the pure domain's records (commands, state, deadlines) as JSON, so the domain needs
    /// no Orleans attributes. Client and silo must both call this.
    /// </summary>
    public static ISerializerBuilder AddCaseGrainsSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type.Assembly == typeof(DomainJson).Assembly,
            jsonSerializerOptions: DomainJson.Storage);
}
