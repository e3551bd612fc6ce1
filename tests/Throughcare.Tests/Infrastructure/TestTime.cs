using Microsoft.Extensions.Time.Testing;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Infrastructure;

/// <summary>
/// The clock every test host runs on: a fake one starting at the same instant, so no test depends on the time of day.
/// </summary>
public static class TestTime
{
    /// <summary>
    /// Wednesday 17 June 2026, 09:00 UTC (10:00 in London). British Summer Time, so a test that confuses UTC with UK
    /// time fails rather than passing by coincidence as it would in winter; mid-morning, so the UK date equals the UTC
    /// date with hours to spare either way (a session test moves the clock on 12 hours); mid-week and mid-month, away
    /// from the clock changes, month ends and bank holidays.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 17, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The UK date at <see cref="Start"/>, for test data made where no host's clock is at hand.</summary>
    public static DateOnly StartDate => Display.LondonDate(Start.UtcDateTime);

    /// <summary>
    /// A clock at <see cref="Start"/> that moves on a millisecond each time it is read, so that events recorded one
    /// after another have distinct, increasing times, as they do in real life: pages and rules that order by time
    /// (the latest transition, the newest contact first) stay meaningful and deterministic. Tests that need time to
    /// pass (idle sessions, retries) move it on with <see cref="FakeTimeProvider.Advance"/>.
    /// </summary>
    public static FakeTimeProvider NewClock() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
}
