namespace Throughcare.Tests.Infrastructure;

/// <summary>Real time plus an offset tests can move forward, for idle and absolute session timeouts.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
