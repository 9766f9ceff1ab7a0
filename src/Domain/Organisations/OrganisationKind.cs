namespace CaseGrains.Domain.Organisations;

public enum OrganisationKind
{
    /// <summary>行政复议机关/机构: a government's reconsideration office that accepts and decides cases.</summary>
    ReconsiderationBody,

    /// <summary>行政执法机关: an enforcement agency whose acts can be challenged (被申请人).</summary>
    EnforcementAgency,

    /// <summary>受理点/服务点/代收点: where an application is received.</summary>
    IntakePoint,

    /// <summary>行政执法监督机构: a justice department that supervises enforcement in its region.</summary>
    SupervisionOffice,
}
