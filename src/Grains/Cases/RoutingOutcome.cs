using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Grains.Cases;

/// <summary>Where an application goes, or why it cannot be routed.</summary>
public sealed record RoutingOutcome(ReceiptRouting? Routing, CaseFailure? Failure);
