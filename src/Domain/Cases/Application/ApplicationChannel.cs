namespace CaseGrains.Domain.Cases;

/// <summary>How the application reached the reconsideration body.</summary>
public enum ApplicationChannel
{
    /// <summary>综合受理大厅.</summary>
    Hall,

    /// <summary>网上申请 (Art. 22).</summary>
    Online,

    /// <summary>乡镇（街道）行政复议服务点.</summary>
    ServicePoint,

    /// <summary>涉企"绿色通道".</summary>
    GreenChannel,

    /// <summary>交警窗口.</summary>
    TrafficPoliceWindow,

    /// <summary>交警代收点.</summary>
    TrafficPoliceCollectionPoint,

    /// <summary>由作出处罚的机关转送 (Art. 32).</summary>
    ForwardedByAgency,
}
