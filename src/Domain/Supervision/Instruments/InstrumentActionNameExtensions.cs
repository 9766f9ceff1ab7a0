namespace CaseGrains.Domain.Supervision;

public static class InstrumentActionNameExtensions
{
    extension(InstrumentActionName action)
    {
        /// <summary>Whether the platform itself performs the action: the agency's record drafts pattern notices and cites
        /// further cases, the scheduler fires reminders. No role may perform them, they are never offered in
        /// <see cref="SupervisionInstrument.AllowedActions"/>, and an instrument takes them in every state.</summary>
        public bool IsSystem => action is InstrumentActionName.DraftNotice or InstrumentActionName.CiteCases
            or InstrumentActionName.FireInstrumentReminder;
    }
}
