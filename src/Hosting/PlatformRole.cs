namespace CaseGrains.Hosting;

public enum PlatformRole
{
    /// <summary>The API process hosts a silo too: the embedded default, and small installations.</summary>
    CoHosted,

    /// <summary>The API process is an Orleans client of separate silo processes (the production shape).</summary>
    Gateway,

    /// <summary>A silo process alone (src/Silo): no HTTP, gateways connect to it as Orleans clients. Set by the silo host
    /// itself, whatever <c>Platform:Role</c> says.</summary>
    Silo,
}
