namespace CaseGrains.Domain.Cases;

/// <summary>Why a case is terminated (终止, Art. 41); withdrawal and settlement are their own actions.</summary>
public enum TerminationGround
{
    /// <summary>(二) 作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利.</summary>
    ApplicantDiedNoHeir,

    /// <summary>(三) 作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利.
    /// </summary>
    OrganisationDissolvedNoSuccessor,

    /// <summary>(四) 申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，
    /// 被采取刑事强制措施.</summary>
    CriminalCompulsoryMeasures,

    /// <summary>(五) 依照第三十九条第一款第一项、第二项、第四项中止满六十日，中止的原因仍未消除.</summary>
    SuspensionLapsed,
}
