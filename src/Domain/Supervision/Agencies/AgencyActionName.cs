namespace CaseGrains.Domain.Supervision;

/// <summary>The actions an agency's record takes, each named as its command's JSON discriminator. All are system actions:
/// cases, complaints and instruments send them, never a user directly.</summary>
public enum AgencyActionName
{
    RecordFinding,
    TrackNotice,
    RecordNoticeFinished,
}
