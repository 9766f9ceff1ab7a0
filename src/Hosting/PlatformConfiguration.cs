using Microsoft.Extensions.Configuration;

namespace CaseGrains.Hosting;

public static class PlatformConfiguration
{
    /// <summary>Reads <see cref="PlatformOptions"/> from the <c>Platform</c> section and <c>ConnectionStrings:Postgres</c>.</summary>
    public static PlatformOptions ReadPlatformOptions(this IConfiguration configuration)
    {
        var options = new PlatformOptions();
        configuration.GetSection("Platform").Bind(options);
        options.PostgresConnectionString ??= configuration.GetConnectionString("Postgres");
        return options;
    }
}
