namespace CaseGrains.Domain.Organisations;

public enum IntakePointKind
{
    /// <summary>综合受理大厅</summary>
    IntegratedHall,

    /// <summary>乡镇（街道）行政复议服务点</summary>
    TownshipServicePoint,

    /// <summary>涉企"绿色通道"受理点 in industrial parks</summary>
    EnterpriseGreenChannel,

    /// <summary>交警窗口/代收点</summary>
    TrafficPoliceCollectionPoint,

    /// <summary>网上申请</summary>
    Online,
}
