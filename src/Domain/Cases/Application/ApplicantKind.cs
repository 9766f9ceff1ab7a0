namespace CaseGrains.Domain.Cases;

public enum ApplicantKind
{
    /// <summary>公民.</summary>
    Person,

    /// <summary>企业 (a legal person that runs a business; counts as enterprise-related, 涉企).</summary>
    Enterprise,

    /// <summary>其他组织.</summary>
    OtherOrganisation,
}
