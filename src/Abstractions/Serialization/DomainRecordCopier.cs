using Orleans.Serialization.Cloning;

namespace CaseGrains.Abstractions.Serialization;

/// <summary>
/// Hands the domain's records from grain to grain within a silo as they are. Orleans copies every argument and result
/// of a call inside a silo, so that neither side can change what the other holds; the domain's types cannot be changed
/// once built (records with init-only properties and read-only or immutable collections, services filled in their
/// constructors), so a copy protects nothing. Left to the JSON codec, each copy wrote the value out as JSON and read it
/// back: 3% of the CPU of the in-process transitions bench.
/// </summary>
internal sealed class DomainRecordCopier : IGeneralizedCopier, IOptionalDeepCopier
{
    public bool IsSupportedType(Type type) => SerializationSetup.IsDomainType(type);

    public bool IsShallowCopyable() => true;

    public object? DeepCopy(object? input, CopyContext context) => input;
}
