namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>The episode's disengagement, reflective review, re-engagement and closure forms.</summary>
    private static IEnumerable<HostileForm> EngagementForms => [];
}
