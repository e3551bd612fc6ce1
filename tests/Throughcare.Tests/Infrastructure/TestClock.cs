namespace Throughcare.Tests.Infrastructure;

/// <summary>A clock tests can move forward, for idle and absolute session timeouts.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
