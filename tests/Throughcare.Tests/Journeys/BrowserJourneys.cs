namespace Throughcare.Tests.Journeys;

/// <summary>
/// Browser journeys run on their own, not beside the rest of the suite: a real Chromium and server each, they were
/// starved into timeouts when other test classes ran in parallel on PostgreSQL.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserJourneys
{
    public const string Name = "Browser journeys";
}
