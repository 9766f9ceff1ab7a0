using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CaseGrains.Bench.Hosting;

/// <summary>Loopback ports nobody listens on now: the machine is shared, so the platform's fixed defaults may be taken.</summary>
public static class FreePorts
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string NextText() => Next().ToString(CultureInfo.InvariantCulture);
}
