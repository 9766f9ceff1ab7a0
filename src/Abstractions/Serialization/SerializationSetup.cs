using System.Runtime.CompilerServices;
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
    /// <remarks>
    /// Orleans picks a codec by the runtime type of a value. Collection expressions typed as
    /// <c>IReadOnlyList&lt;T&gt;</c> produce compiler-generated types that JSON cannot construct on the other side,
    /// so those are left out here; messages hold arrays or lists at their top level instead.
    /// </remarks>
    public static ISerializerBuilder AddCaseGrainsSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type.Assembly == typeof(DomainJson).Assembly && !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false),
            jsonSerializerOptions: DomainJson.Storage);
}
