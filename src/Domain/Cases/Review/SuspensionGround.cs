namespace CaseGrains.Domain.Cases;

/// <summary>Why a case is suspended (中止, Art. 39(1)).</summary>
public enum SuspensionGround
{
    /// <summary>(一) 作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议.</summary>
    ApplicantDied,

    /// <summary>(二) 作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人.</summary>
    ApplicantIncapacitated,

    /// <summary>(三) 作为申请人的公民下落不明.</summary>
    ApplicantMissing,

    /// <summary>(四) 作为申请人的法人或者其他组织终止，尚未确定权利义务承受人.</summary>
    OrganisationDissolved,

    /// <summary>(五) 因不可抗力或者其他正当理由，不能参加行政复议.</summary>
    ForceMajeure,

    /// <summary>(六) 依照本法规定进行调解、和解，申请人和被申请人同意中止.</summary>
    MediationOrSettlementAgreed,

    /// <summary>(七) 涉及的法律适用问题需要有权机关作出解释或者确认.</summary>
    LegalInterpretationNeeded,

    /// <summary>(八) 需要以其他案件的审理结果为依据，而其他案件尚未审结.</summary>
    DependsOnOtherCase,

    /// <summary>(九) 有本法第五十六条或者第五十七条规定的情形 (review of a normative document).</summary>
    NormativeDocumentReview,

    /// <summary>(十) 需要中止行政复议的其他情形: the reason must be given.</summary>
    Other,
}
