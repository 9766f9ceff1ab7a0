using System.Runtime.CompilerServices;
using CaseGrains.Domain.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace CaseGrains.Abstractions.Serialization;

public static class SerializationSetup
{
    /// <summary>
    /// Lets Orleans carry the pure domain's records (commands, state, deadlines) as JSON, so the domain needs
    /// no Orleans attributes, and hand them from grain to grain within a silo without copying them
    /// (<see cref="DomainRecordCopier"/>). Client and silo must both call this.
    /// </summary>
    /// <remarks>
    /// Orleans picks a codec by the runtime type of a value. Collection expressions typed as
    /// <c>IReadOnlyList&lt;T&gt;</c> produce compiler-generated types that JSON cannot construct on the other side,
    /// so those are left out here; messages hold arrays or lists at their top level instead.
    /// </remarks>
    public static ISerializerBuilder AddCaseGrainsSerialization(this ISerializerBuilder builder)
    {
        builder.Services.AddSingleton<IGeneralizedCopier, DomainRecordCopier>();
        return builder.AddJsonSerializer(
            isSerializable: IsDomainType,
            isCopyable: null,
            configureOptions: options => options.Configure(o => o.SerializerOptions = DomainJson.Storage));
    }

    /// <summary>Whether <paramref name="type"/> is one of the domain's own types, which travel as JSON.</summary>
    internal static bool IsDomainType(Type type) =>
        type.Assembly == typeof(DomainJson).Assembly && !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
}
