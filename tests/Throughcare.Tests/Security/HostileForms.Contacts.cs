namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>The episode's contacts forms.</summary>
    private static IEnumerable<HostileForm> ContactForms => [];
}
