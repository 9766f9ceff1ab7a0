using System.Collections.Concurrent;
using Orleans.Metadata;

namespace CaseGrains.Grains;

/// <summary>
/// References to grains with string keys, for the paths that take one per request or per message (the gateway's
/// endpoints, outbox deliveries, reminder steps). Orleans' <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>
/// works out the interface's grain interface type on every call, reading the interface's custom attributes by
/// reflection and allocating them afresh: 3.5% of the managed samples in a profile of bench transitions-memory's case
/// phase (the outbox's deliveries 2.2%, the bench's clients 1.3%). That type depends only on the interface, so it is
/// worked out once here; the grain type is still Orleans' own answer for the current cluster manifest, and an interface
/// it has no grain type for goes to Orleans' own call, which refuses it (<see cref="ArgumentException"/>) as before.
/// </summary>
public sealed class GrainReferences(
    IGrainFactory grains,
    GrainInterfaceTypeResolver interfaceTypes,
    GrainInterfaceTypeToGrainTypeResolver grainTypes)
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> interfaceTypeOf = new();

    public T Get<T>(string key)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var interfaceType = interfaceTypeOf.GetOrAdd(typeof(T), interfaceTypes.GetGrainInterfaceType);
        return grainTypes.TryGetGrainType(interfaceType, out var grainType)
            ? (T)grains.GetGrain(GrainId.Create(grainType, key), interfaceType)
            : grains.GetGrain<T>(key);
    }
}
