namespace CaseGrains.Domain.Cases;

public static class DecisionTypeExtensions
{
    extension(DecisionType type)
    {
        /// <summary>Whether the decision corrects the act (直接纠错): the figure the direct correction rate counts, and
        /// the decisions that must name what was wrong with the act.</summary>
        public bool IsCorrection => type is DecisionType.Alter or DecisionType.Annul or DecisionType.PartiallyAnnul
            or DecisionType.DeclareUnlawful or DecisionType.OrderPerformance or DecisionType.DeclareVoid;

        /// <summary>Whether the decision may order the respondent to make a new act (责令重新作出, Art. 64).</summary>
        public bool MayOrderNewAct => type is DecisionType.Annul or DecisionType.PartiallyAnnul;
    }
}
