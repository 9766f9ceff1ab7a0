namespace CaseGrains.Domain.Cases;

public static class CaseActionNameExtensions
{
    extension(CaseActionName action)
    {
        /// <summary>
        /// Whether the platform itself performs the action (the deadline scheduler, the calendar): no role may perform it
        /// (<see cref="Access.CaseAccessPolicy.RolesFor"/> is empty, so a request through the gateway is forbidden), it is
        /// never offered in <see cref="ReconsiderationCase.AllowedActions"/>, and the case accepts it in every state,
        /// answering <see cref="CaseTransition.IsUnchanged"/> when there is nothing to do.
        /// </summary>
        public bool IsSystem => action is CaseActionName.FireReminder or CaseActionName.RecomputeDeadlines;
    }
}
