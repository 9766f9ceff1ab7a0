using System.Text.Json;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Supervision.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using static CaseGrains.Domain.Tests.Supervision.Support.Instruments;
using Action = CaseGrains.Domain.Supervision.InstrumentActionName;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>Drafted → approved and issued → received → rectification reported → accepted or sent back → closed.</summary>
public sealed class InstrumentLifecycleTests
{
    [Fact]
    public void Approval_issues_the_instrument_under_its_number()
    {
        var builder = OpinionLetter().On(D(2025, 5, 8));

        var issued = builder.When(builder.Issue(sequence: 12)).ShouldRecord<InstrumentIssued, SupervisionInstrument, InstrumentEvent>();
        builder.Issued(sequence: 12);

        Assert.Equal(("大东复意〔2025〕12号", "王主任", D(2025, 5, 8)), (issued.Number.Text, issued.ApprovedBy, issued.IssuedOn));
        Assert.Equal((InstrumentStatus.Issued, D(2025, 5, 8)), (builder.State.Status, builder.State.IssuedOn));
        Assert.Equal(issued.Number, builder.State.Number);
        Assert.Empty(builder.State.Deadlines);
    }

    public static TheoryData<string, string, Func<DocumentNumber, DocumentNumber>> ForeignNumbers => new()
    {
        { "number.issuingBodyId", "number_of_another_body", n => n with { IssuingBodyId = "B-R210104" } },
        { "number.kind", "number_of_another_kind", n => n with { Kind = InstrumentKind.SupervisionNotice } },
        { "number.year", "number_of_another_year", n => n with { Year = 2024 } },
        { "number.sequence", "sequence_not_positive", n => n with { Sequence = 0 } },
        { "number.text", "number_text_invalid", n => n with { Text = " " } },
    };

    [Theory]
    [MemberData(nameof(ForeignNumbers))]
    public void A_number_from_another_series_is_refused_so_the_counter_rolls_back(string field, string code, Func<DocumentNumber, DocumentNumber> spoil)
    {
        var builder = OpinionLetter().On(D(2025, 5, 8));

        builder.When(new ApproveAndIssue { ApprovedBy = "王主任", Number = spoil(builder.NumberFor(3)) }).ShouldBeInvalid(field, code);
    }

    [Fact]
    public void Approval_names_who_approved()
    {
        var builder = OpinionLetter();

        builder.When(builder.Issue() with { ApprovedBy = " " }).ShouldBeInvalid("approvedBy");
        builder.When(builder.Issue() with { Number = null! }).ShouldBeInvalid("number");
    }

    [Fact]
    public void An_opinion_letter_s_sixty_days_run_from_receipt_and_end_on_a_working_day()
    {
        // Received Tue 3 June 2025: 60 days later is Sat 2 August, so the period ends on Mon 4 August (Art. 88).
        var builder = OpinionLetter().On(D(2025, 5, 8)).Issued().On(D(2025, 6, 3));

        var received = builder.When(new RecordReceipt()).ShouldRecord<InstrumentReceived, SupervisionInstrument, InstrumentEvent>();
        builder.Received();

        Assert.Equal((D(2025, 6, 3), D(2025, 8, 4)), (received.ReceivedOn, received.RectificationDueOn));
        var deadline = Assert.Single(builder.State.Deadlines);
        Assert.Equal((DeadlineKind.Rectification, 60, DeadlineUnit.NaturalDays, D(2025, 8, 4), "《行政复议法》第七十六条"), (deadline.Kind, deadline.Length, deadline.Unit, deadline.DueOn, deadline.Basis));
        Assert.Equal(InstrumentStatus.Received, builder.State.Status);
    }

    [Fact]
    public void A_notice_s_configured_period_runs_from_receipt()
    {
        var state = ReceivedNotice().State;

        Assert.Equal((D(2025, 5, 12), D(2025, 6, 11), 30), (state.ReceivedOn, state.CurrentDeadline(DeadlineKind.Rectification)!.DueOn, state.RectificationPeriod.Length));
    }

    [Fact]
    public void A_receipt_registered_later_counts_from_the_day_it_was_received()
    {
        var builder = PatternNotice().On(D(2025, 5, 8)).Issued().On(D(2025, 5, 20)).Then(new RecordReceipt { ReceivedOn = D(2025, 5, 12) });

        Assert.Equal(D(2025, 6, 11), builder.State.CurrentDeadline(DeadlineKind.Rectification)!.DueOn);
    }

    [Fact]
    public void A_receipt_lies_between_the_issue_and_today()
    {
        var builder = PatternNotice().On(D(2025, 5, 8)).Issued();

        builder.When(new RecordReceipt { ReceivedOn = D(2025, 5, 9) }).ShouldBeInvalid("receivedOn", "date_in_the_future");
        builder.When(new RecordReceipt { ReceivedOn = D(2025, 5, 7) }).ShouldBeInvalid("receivedOn", "received_before_issue");
    }

    [Fact]
    public void A_report_in_time_meets_the_period_and_keeps_only_the_attachments_metadata()
    {
        var builder = ReceivedNotice().On(D(2025, 6, 3));

        var reported = builder.When(new ReportRectification { Text = "已整改", Attachments = [Minutes] }).ShouldRecord<RectificationReported, SupervisionInstrument, InstrumentEvent>();
        builder.Then(new ReportRectification { Text = "已整改", Attachments = [Minutes] });

        Assert.Equal((D(2025, 6, 3), false), (reported.ReportedOn, reported.Late));
        var attachment = Assert.Single(Assert.Single(builder.State.Reports).Attachments);
        Assert.Equal(("整改会议纪要.pdf", 182_044L, new string('a', 64), "application/pdf"), (attachment.Name, attachment.SizeBytes, attachment.Sha256, attachment.MediaType));
        Assert.Equal(InstrumentStatus.RectificationReported, builder.State.Status);
        Assert.Equal(DeadlineStatus.Met, builder.State.CurrentDeadline(DeadlineKind.Rectification)!.StatusOn(D(2025, 6, 3)));
    }

    public static TheoryData<string, Attachment[]> BadAttachments => new()
    {
        { "attachments[0].name", [Minutes with { Name = "../etc/passwd" }] },
        { "attachments[0].name", [Minutes with { Name = " " }] },
        { "attachments[0].sizeBytes", [Minutes with { SizeBytes = 0 }] },
        { "attachments[0].sha256", [Minutes with { Sha256 = "abc" }] },
        { "attachments[0].sha256", [Minutes with { Sha256 = new string('g', 64) }] },
        { "attachments[0].mediaType", [Minutes with { MediaType = "pdf" }] },
        { "attachments[1].sha256", [Minutes, Minutes with { Name = "副本.pdf", Sha256 = new string('a', 64) }] },
    };

    [Theory]
    [MemberData(nameof(BadAttachments))]
    public void An_attachment_is_described_by_a_plain_name_its_size_digest_and_media_type(string field, Attachment[] attachments)
    {
        var code = field.EndsWith("[1].sha256", StringComparison.Ordinal) ? "duplicate_attachment" : "attachment_invalid";

        ReceivedNotice().When(new ReportRectification { Text = "已整改", Attachments = attachments }).ShouldBeInvalid(field, code);
    }

    [Fact]
    public void A_report_says_what_was_done_and_attaches_at_most_fifty_files()
    {
        ReceivedNotice().When(new ReportRectification { Text = " " }).ShouldBeInvalid("text");
        var many = Enumerable.Range(0, 51).Select(i => Minutes with { Sha256 = i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        ReceivedNotice().When(new ReportRectification { Text = "已整改", Attachments = many }).ShouldBeInvalid("attachments", "too_many_entries");
    }

    [Fact]
    public void An_accepted_rectification_is_closed_and_the_notice_absorbs_no_more_cases()
    {
        var builder = ReceivedNotice().On(D(2025, 6, 3)).Reported().On(D(2025, 6, 5));

        builder.Then(new AcceptRectification { Opinion = "整改到位" });

        Assert.Equal((InstrumentStatus.Accepted, D(2025, 6, 5), false), (builder.State.Status, builder.State.AcceptedOn, builder.State.AbsorbsCases));
        Assert.Equal(new ReportReview { Accepted = true, Opinion = "整改到位", ReviewedOn = D(2025, 6, 5) }, Assert.Single(builder.State.Reports).Review);
        builder.On(D(2025, 6, 6)).Then(new CloseInstrument());
        Assert.Equal((InstrumentStatus.Closed, D(2025, 6, 6)), (builder.State.Status, builder.State.ClosedOn));
        Assert.Empty(builder.State.AllowedActions());
    }

    [Fact]
    public void A_report_sent_back_is_reported_again_by_a_new_date_that_ends_on_a_working_day()
    {
        // Sent back on Thu 5 June with a date of Sat 21 June: the new period ends on Mon 23 June.
        var builder = ReceivedNotice().On(D(2025, 6, 3)).Reported().On(D(2025, 6, 5));

        var sentBack = builder.When(new SendBackRectification { Reason = "未附整改台账", ResubmitBy = D(2025, 6, 21) }).ShouldRecord<RectificationSentBack, SupervisionInstrument, InstrumentEvent>();
        builder.Then(new SendBackRectification { Reason = "未附整改台账", ResubmitBy = D(2025, 6, 21) });

        Assert.Equal(D(2025, 6, 23), sentBack.ResubmitDueOn);
        Assert.Equal(InstrumentStatus.SentBack, builder.State.Status);
        Assert.Equal(new ReportReview { Accepted = false, Opinion = "未附整改台账", ReviewedOn = D(2025, 6, 5), ResubmitDueOn = D(2025, 6, 23) }, builder.State.Reports[0].Review);
        Assert.Equal([DeadlineKind.Rectification, DeadlineKind.Rectification], builder.State.Deadlines.Select(d => d.Kind));
        Assert.Equal(D(2025, 6, 23), builder.State.CurrentDeadline(DeadlineKind.Rectification)!.DueOn);

        builder.On(D(2025, 6, 20)).Reported("补充整改台账").Then(new AcceptRectification());
        Assert.Equal([false, false], builder.State.Reports.Select(r => r.Late));
        Assert.Equal(InstrumentStatus.Accepted, builder.State.Status);
    }

    [Fact]
    public void Sending_back_gives_a_reason_and_a_date_still_to_come()
    {
        var builder = ReceivedNotice().On(D(2025, 6, 3)).Reported();

        builder.When(new SendBackRectification { ResubmitBy = D(2025, 6, 21) }).ShouldBeInvalid("reason");
        builder.When(new SendBackRectification { Reason = "不全", ResubmitBy = D(2025, 6, 3) }).ShouldBeInvalid("resubmitBy", "date_not_after_today");
    }

    [Theory]
    [InlineData(2026, 6, 4)]
    [InlineData(9999, 12, 31)]
    public void Sending_back_to_a_date_more_than_a_year_ahead_is_refused(int year, int month, int day)
    {
        var builder = ReceivedNotice().On(D(2025, 6, 3)).Reported();

        builder.When(new SendBackRectification { Reason = "不全", ResubmitBy = D(year, month, day) }).ShouldBeInvalid("resubmitBy", "date_too_far_ahead");
        builder.When(new SendBackRectification { Reason = "不全", ResubmitBy = D(2026, 6, 3) }).ShouldRecord<RectificationSentBack, SupervisionInstrument, InstrumentEvent>();
    }

    public static TheoryData<string, Action[]> Allowed => new()
    {
        { "drafted", [Action.ReviseDraft, Action.ApproveAndIssue, Action.DiscardDraft] },
        { "discarded", [] },
        { "issued", [Action.RecordReceipt] },
        { "received", [Action.ReportRectification] },
        { "rectificationReported", [Action.AcceptRectification, Action.SendBackRectification] },
        { "sentBack", [Action.ReportRectification] },
        { "overdue", [Action.ReportRectification, Action.OrderCompliance, Action.SummonHead, Action.CriticisePublicly] },
        { "accepted", [Action.CloseInstrument] },
        { "closed", [] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_status_allows_its_next_steps_and_refuses_every_other(string status, Action[] allowed)
    {
        var builder = Named(status);
        Assert.Equal(status, Camel(builder.State.Status));
        Assert.Equal(allowed, builder.State.AllowedActions());

        foreach (var command in SampleInstrumentCommands.All.Where(c => !allowed.Contains(c.Action)))
        {
            var refusal = builder.When(command).ShouldNotBeAllowed(status);
            Assert.Equal(allowed.Select(a => Camel(a)), refusal.AllowedActions);
        }
    }

    [Fact]
    public void No_system_action_is_offered_and_every_user_action_has_a_sample()
    {
        var system = Enum.GetValues<Action>().Where(a => a.IsSystem).ToList();

        Assert.Equal([Action.DraftNotice, Action.CiteCases, Action.FireInstrumentReminder], system);
        Assert.Equal(
            Enum.GetValues<Action>().Except([Action.DraftOpinionLetter, Action.DraftNotice, Action.ConvertCase, Action.CiteCases, Action.FireInstrumentReminder]),
            SampleInstrumentCommands.All.Select(c => c.Action));
        Assert.All(Allowed, row => Assert.DoesNotContain(((Action[])row[1]).ToList(), a => a.IsSystem));
    }

    private static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static InstrumentBuilder Named(string status) => status switch
    {
        "drafted" => PatternNotice(),
        "discarded" => PatternNotice().Then(new DiscardDraft { Reason = "无需制发" }),
        "issued" => PatternNotice().On(D(2025, 5, 8)).Issued(),
        "received" => ReceivedNotice(),
        "rectificationReported" => ReceivedNotice().On(D(2025, 6, 3)).Reported(),
        "sentBack" => ReceivedNotice().On(D(2025, 6, 3)).Reported().Then(new SendBackRectification { Reason = "不全", ResubmitBy = D(2025, 6, 21) }),
        "overdue" => ReceivedNotice().Fired(DeadlineKind.Rectification, ReminderStep.Overdue),
        "accepted" => ReceivedNotice().On(D(2025, 6, 3)).Reported().Then(new AcceptRectification()),
        "closed" => ReceivedNotice().On(D(2025, 6, 3)).Reported().Then(new AcceptRectification()).Then(new CloseInstrument()),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No such named instrument."),
    };
}
