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

    /// <summary>
    /// Accepts for as long as the relay lives: each connection is handled on its own, and no failure of one (a client
    /// that gave up before it was accepted, an upstream that would not connect) can stop the loop.
    /// </summary>
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
            catch (SocketException)
            {
                continue;
            }

            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        try
        {
            if (_mode == Mode.Down)
            {
                // Refused as a stopped server refuses: reset at once.
                client.Client.LingerState = new LingerOption(true, 0);
                throw new OperationCanceledException("The database is down.");
            }

            await upstream.ConnectAsync(_target, _stopping.Token);
            lock (_lock)
            {
                _open.Add((client, upstream));
            }

            _ = PumpAsync(client.GetStream(), upstream.GetStream());
            _ = PumpAsync(upstream.GetStream(), client.GetStream());
        }
        catch (Exception)
        {
            client.Dispose();
            upstream.Dispose();
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
