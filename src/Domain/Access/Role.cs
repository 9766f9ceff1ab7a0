namespace CaseGrains.Domain.Access;

/// <summary>What a user does on the platform. Every user belongs to one organisation (<see cref="Principal"/>).</summary>
public enum Role
{
    /// <summary>申请人: files an application online and follows their own cases.</summary>
    Applicant,

    /// <summary>受理点工作人员 (收件人员): receives applications at an intake point (受理点/服务点/代收点).</summary>
    IntakeClerk,

    /// <summary>承办人: handles the cases of a reconsideration body.</summary>
    CaseOfficer,

    /// <summary>机构负责人: the head of the 行政复议机构; approves extensions, procedure switches and decisions (Art. 55, 62).</summary>
    BodyHead,

    /// <summary>被申请人工作人员: staff of an enforcement agency, who see the cases against it as a respondent.</summary>
    AgencyStaff,

    /// <summary>行政执法监督人员 (司法厅/局): watches the cases of a region and its subregions.</summary>
    Supervisor,

    /// <summary>系统管理员: maintains organisations, the calendar and the cluster.</summary>
    Administrator,
}
