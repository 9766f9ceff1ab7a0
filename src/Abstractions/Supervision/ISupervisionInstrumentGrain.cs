using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>
/// A supervision instrument (行政复议意见书 or 行政执法监督通知书), keyed <c>SI-</c> and 16 hex digits: its lifecycle from draft
/// to closing, each change recorded in its history (who, when, why) and durable before the answer.
/// </summary>
[Alias("CaseGrains.ISupervisionInstrumentGrain")]
public interface ISupervisionInstrumentGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<InstrumentResult> Get(Principal principal);

    /// <summary>制发行政复议意见书, first step: an officer of the case's competent body drafts a letter to its respondent.</summary>
    [Alias("DraftOpinionLetter")]
    Task<InstrumentResult> DraftOpinionLetter(string caseId, DraftOpinionLetter command, CommandMetadata metadata);

    /// <summary>转为行政执法监督程序: a notice against the case's respondent as a whole, issued by the supervision office of the
    /// case's region, which the agency's record then tracks.</summary>
    [Alias("ConvertCase")]
    Task<InstrumentResult> ConvertCase(string caseId, ConvertCase command, CommandMetadata metadata);

    /// <summary>A lifecycle action or follow-up. Approval takes the next document number of the instrument's series.</summary>
    [Alias("Perform")]
    Task<InstrumentResult> Perform(InstrumentCommand command, CommandMetadata metadata);
}
