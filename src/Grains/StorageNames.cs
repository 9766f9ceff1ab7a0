namespace CaseGrains.Grains;

public static class StorageNames
{
    /// <summary>The Orleans grain storage provider (ADO.NET on PostgreSQL, or memory in the embedded run).</summary>
    public const string Default = "Default";
}
