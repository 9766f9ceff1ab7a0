using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>撤回申请 (Art. 41(1), 74(2)): the case ends; with a settlement use <see cref="Settle"/> instead.</summary>
public sealed record Withdraw : CaseCommand
{
    /// <summary>Whether the applicant withdraws because the respondent corrected its act (被申请人自行纠正).</summary>
    public bool AfterAgencyCorrected { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Withdraw;
}
