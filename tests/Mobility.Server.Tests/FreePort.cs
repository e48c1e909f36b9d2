using System.Net;
using System.Net.Sockets;

namespace Mobility.Server.Tests;

/// <summary>A port on this machine where nothing listens: bound for a moment by us, then released.</summary>
public static class FreePort
{
    public static int Pick()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
