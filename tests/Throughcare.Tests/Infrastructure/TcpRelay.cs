using System.Net;
using System.Net.Sockets;

namespace Throughcare.Tests.Infrastructure;

/// <summary>
/// A TCP relay between the host and PostgreSQL that a test can break, to see the service answer as the database goes
/// down (connections refused and cut) or hangs (connections accepted, nothing answered), and recover.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    public enum Mode { Relay, Down, Hung }

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(TcpClient Client, TcpClient Upstream)> _open = [];
    private readonly Lock _lock = new();
    private volatile Mode _mode = Mode.Relay;

    public TcpRelay(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Down cuts every open connection and refuses new ones at once; Hung stops passing bytes either way.</summary>
    public void Set(Mode mode)
    {
        _mode = mode;
        if (mode == Mode.Down)
        {
            lock (_lock)
            {
                foreach (var (client, upstream) in _open)
                {
                    client.Dispose();
                    upstream.Dispose();
                }

                _open.Clear();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (_mode == Mode.Down)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(_target, _stopping.Token);
            }
            catch (Exception)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            lock (_lock)
            {
                _open.Add((client, upstream));
            }

            _ = PumpAsync(client.GetStream(), upstream.GetStream());
            _ = PumpAsync(upstream.GetStream(), client.GetStream());
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stopping.Token);
                if (read == 0)
                {
                    break;
                }

                // A hung database: bytes go in and nothing comes back, for as long as the test keeps it so.
                while (_mode == Mode.Hung)
                {
                    await Task.Delay(50, _stopping.Token);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception)
        {
            // The other side went away, or the relay was broken or stopped: the connection ends.
        }

        from.Close();
        to.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Set(Mode.Down);
        _stopping.Dispose();
    }
}
