namespace CaseGrains.Domain.Complaints;

public static class ComplaintActionNameExtensions
{
    extension(ComplaintActionName action)
    {
        /// <summary>Whether the platform itself performs the action: never offered in
        /// <see cref="EnforcementComplaint.AllowedActions"/>, taken in every state.</summary>
        public bool IsSystem => action == ComplaintActionName.FireComplaintReminder;
    }
}
