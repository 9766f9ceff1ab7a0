using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CaseGrains.Cluster.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own, on its own port and data folder, that the test may stop and start: the shared
/// server of <c>scripts/pg.sh</c> serves everyone else's tests and must never be restarted. Made as <c>scripts/pg.sh</c>
/// makes its server: the Debian binaries, run as the unprivileged user <c>postgres</c> when the tests run as root (CI).
/// Disposing stops it and removes its data.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string bin;
    private readonly string folder;
    private readonly string data;

    private PrivatePostgres(string bin, string folder, int port)
    {
        this.bin = bin;
        this.folder = folder;
        data = Path.Combine(folder, "data");
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=casegrains;Password=casegrains;Database=casegrains;Timeout=5";

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0).LastOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql: run scripts/pg.sh start once to install it.");
        var folder = Directory.CreateTempSubdirectory("casegrains-pg-").FullName;
        var server = new PrivatePostgres(bin, folder, FreePort());
        try
        {
            await server.InitialiseAsync();
            await server.StartServerAsync();
            await using var admin = NpgsqlDataSource.Create(server.ConnectionString.Replace("Database=casegrains", "Database=postgres", StringComparison.Ordinal));
            await using var create = admin.CreateCommand("CREATE DATABASE casegrains");
            await create.ExecuteNonQueryAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server as an administrator would for a restart: fast shutdown, every connection cut.</summary>
    public Task StopServerAsync() => AsOwnerAsync(Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop");

    public Task StartServerAsync() => AsOwnerAsync(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await StopServerAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    private async Task InitialiseAsync()
    {
        var passwordFile = Path.Combine(folder, "pw");
        await File.WriteAllTextAsync(passwordFile, "casegrains\n");
        if (IsRoot)
        {
            // The server refuses to run as root; its user must own the folder and reach it.
            await RunAsync("chown", "-R", "postgres", folder);
            await RunAsync("chmod", "o+x", Path.GetDirectoryName(folder)!);
        }

        await AsOwnerAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", "casegrains", "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
        var settings = $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{folder}'
            max_connections = 200
            fsync = on
            """;
        var configuration = Path.Combine(data, "postgresql.conf");
        if (IsRoot)
        {
            await RunAsync("runuser", "-u", "postgres", "--", "bash", "-c", $"cat >> '{configuration}' <<'CONF'\n{settings}\nCONF");
        }
        else
        {
            await File.AppendAllTextAsync(configuration, settings);
        }
    }

    private static Task AsOwnerAsync(string program, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
