using System.Security.Cryptography;
using CaseGrains.Grains.PersonalData;
using CaseGrains.Hosting;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// The personal-data key a data set's applicants are sealed with: generated when the set is loaded, handed to the silo,
/// and kept for <c>--reuse</c> in a file readable by its owner only, beside the development keys
/// (<see cref="DevelopmentSecrets.Directory"/>), never in the database it protects. The data set's manifest records only
/// a fingerprint, to tell whether the file still holds the key the set was sealed with.
/// </summary>
public static class DataSetKey
{
    public static PersonalDataKey Create(string database)
    {
        var key = PersonalDataKey.Generate();
        Directory.CreateDirectory(DevelopmentSecrets.Directory);
        var path = PathOf(database);
        File.WriteAllText(path, key.ToBase64());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    /// <summary>The key kept for the data set in <paramref name="database"/>; null when there is none.</summary>
    public static PersonalDataKey? Find(string database) =>
        File.Exists(PathOf(database)) ? PersonalDataKey.FromBase64(File.ReadAllText(PathOf(database))) : null;

    /// <summary>16 hex digits of the SHA-256 of the key: identifies it without revealing it.</summary>
    public static string Fingerprint(PersonalDataKey key) =>
        Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(key.ToBase64())).AsSpan(0, 8));

    private static string PathOf(string database) => Path.Combine(DevelopmentSecrets.Directory, $"bench-{database}-personal-data-key");
}
