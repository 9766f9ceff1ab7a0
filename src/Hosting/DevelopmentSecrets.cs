using System.Security.Cryptography;

namespace CaseGrains.Hosting;

/// <summary>
/// Keys for development runs, generated at first use and kept in the user's profile (~/.casegrains), never in
/// the repository. Production keys come from configuration.
/// </summary>
public static class DevelopmentSecrets
{
    public static string Directory { get; set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".casegrains");

    /// <summary>The base64 of 32 random bytes stored under <paramref name="name"/>, created if missing.</summary>
    public static string LoadOrCreate(string name)
    {
        var path = Path.Combine(Directory, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        System.IO.Directory.CreateDirectory(Directory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
