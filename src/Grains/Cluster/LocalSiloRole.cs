namespace CaseGrains.Grains.Cluster;

/// <summary>What kind of process hosts this silo, as the members list shows it: <c>silo</c> for a silo process alone
/// (src/Silo), <c>coHosted</c> for a gateway that hosts its own silo (src/Api). Registered by the silo's setup from
/// its configuration; the ADO.NET membership table has no column for it.</summary>
public sealed record LocalSiloRole(string Name);
