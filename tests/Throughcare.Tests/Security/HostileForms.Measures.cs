namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>The episode's outcome measures and instruments forms.</summary>
    private static IEnumerable<HostileForm> MeasureForms => [];
}
