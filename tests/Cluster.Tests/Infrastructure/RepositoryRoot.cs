namespace CaseGrains.Cluster.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the nearest folder above the test assembly that holds CaseGrains.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CaseGrains.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CaseGrains.sln not found above " + AppContext.BaseDirectory);
    }
}
