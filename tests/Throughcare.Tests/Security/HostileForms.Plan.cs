namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>The episode's needs, priorities, goals, actions, reviews, extensions and strands forms.</summary>
    private static IEnumerable<HostileForm> PlanForms => [];
}
