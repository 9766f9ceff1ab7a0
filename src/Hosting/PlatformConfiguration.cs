using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CaseGrains.Hosting;

public static class PlatformConfiguration
{
    /// <summary>Reads <see cref="PlatformOptions"/> from the <c>Platform</c> section, <c>ConnectionStrings:Postgres</c> and
    /// <c>PersonalData:Key</c>; a Development environment may generate missing keys.</summary>
    public static PlatformOptions ReadPlatformOptions(this IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new PlatformOptions();
        configuration.GetSection("Platform").Bind(options);
        options.PostgresConnectionString ??= configuration.GetConnectionString("Postgres");
        options.PersonalDataKey ??= configuration["PersonalData:Key"];
        options.GenerateMissingKeys = environment.IsDevelopment();
        return options;
    }
}
