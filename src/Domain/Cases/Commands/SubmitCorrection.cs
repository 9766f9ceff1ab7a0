using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>补正: the applicant supplied what was missing; the review period starts again.</summary>
public sealed record SubmitCorrection : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.SubmitCorrection;
}
