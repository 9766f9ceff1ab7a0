using CaseGrains.Domain.Supervision;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Supervision.Support;

/// <summary>One well-formed command for every user action on an instrument, in the order of <see cref="InstrumentActionName"/>.</summary>
internal static class SampleInstrumentCommands
{
    public static IEnumerable<InstrumentCommand> All =>
    [
        new ReviseDraft { Title = "新标题" },
        new DiscardDraft { Reason = "无需制发" },
        new ApproveAndIssue { ApprovedBy = "王主任", Number = DocumentNumbering.Default.Number(InstrumentKind.SupervisionNotice, "S-R210104", "大东", 2025, 1) },
        new RecordReceipt(),
        new ReportRectification { Text = "已整改" },
        new AcceptRectification(),
        new SendBackRectification { Reason = "不全", ResubmitBy = D(2026, 12, 31) },
        new OrderCompliance { ComplyBy = D(2026, 12, 31) },
        new SummonHead { Summary = "约谈主要负责人" },
        new CriticisePublicly { Summary = "在全市范围内通报批评" },
        new CloseInstrument(),
    ];
}
