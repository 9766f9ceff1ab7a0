namespace CaseGrains.Domain.Cases;

/// <summary>The procedure a case is heard under (Art. 36).</summary>
public enum CaseProcedure
{
    /// <summary>普通程序.</summary>
    Ordinary,

    /// <summary>简易程序 (Art. 53–55): shorter periods, no extension.</summary>
    Simplified,
}
