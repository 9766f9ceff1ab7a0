namespace CaseGrains.Api.Cluster;

/// <summary>The body of <c>POST /api/v1/cluster/members/{id}/drain</c>: why the silo is taken out (logged with who asked).</summary>
public sealed record DrainInput(string Reason);
