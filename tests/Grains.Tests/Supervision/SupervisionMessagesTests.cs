using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Supervision;
using CaseGrains.Grains.Supervision;
using CaseGrains.Persistence.Outbox;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>A message is delivered with the payload it was built from while the silo that built it has it, and parsed
/// from its JSON once it comes back from the store, to the same command.</summary>
public sealed class SupervisionMessagesTests
{
    private static readonly AgencyFinding Finding =
        SupervisionSpecification.Finding("A-R210104-TRAFFIC", "RC-1", FlawKind.ExceedingAuthority);

    [Fact]
    public void A_finding_built_here_is_handed_over_as_built_and_as_read_back_is_parsed_to_the_same_command()
    {
        var message = SupervisionMessages.Finding(Finding);
        var readBack = new OutboxMessage(message.TargetKind, message.TargetId, message.MessageKey, message.PayloadJson);

        var handedOver = Assert.IsType<RecordFinding>(SupervisionMessages.AgencyCommandOf(message));
        var parsed = Assert.IsType<RecordFinding>(SupervisionMessages.AgencyCommandOf(readBack));

        Assert.Same(Finding, handedOver.Finding);
        Assert.NotSame(Finding, parsed.Finding);
        Assert.Equal(Finding with { Flaws = [] }, parsed.Finding with { Flaws = [] });
        Assert.Equal(Finding.Flaws, parsed.Finding.Flaws);
    }

    [Fact]
    public void A_message_read_back_with_no_payload_is_refused()
    {
        var empty = new OutboxMessage(OutboxTargets.Agency, "A-R210104-TRAFFIC", "finding:RC-1:7", "null");

        Assert.Throws<InvalidOperationException>(() => SupervisionMessages.AgencyCommandOf(empty));
    }
}
