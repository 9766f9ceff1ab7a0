namespace CaseGrains.Abstractions.Cluster;

/// <summary>A silo's answer to a drain: <see cref="Started"/> when it is the silo named and its shutdown has begun;
/// <see cref="NotHere"/> when the control grain was activated elsewhere (the placement hint was not honoured), so the
/// caller may try again.</summary>
[GenerateSerializer, Alias("CaseGrains.DrainOutcome")]
public enum DrainOutcome
{
    Started,
    NotHere,
}
