using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Complaints;

/// <summary>登记: a complaint was opened.</summary>
public sealed record ComplaintReceived : ComplaintEvent
{
    public required ComplaintKind Kind { get; init; }

    public Complainant? Complainant { get; init; }

    public required string AgencyId { get; init; }

    public required string AgencyName { get; init; }

    public required string RegionPath { get; init; }

    public required string HandlingOfficeId { get; init; }

    public required string Conduct { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required DateOnly AnswerDueOn { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.ReceiveComplaint;
}
