namespace Throughcare.Tests.Journeys;

/// <summary>The journeys' accessibility check must be able to fail: a clean report means nothing otherwise.</summary>
[Trait("Category", "Journey")]
[Collection(BrowserJourneys.Name)]
public sealed class AxeCheckTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    [Fact]
    public async Task AssertAccessible_PageWithAnUnlabelledField_FailsListingTheViolation()
    {
        await using var journey = await Journey.StartAsync(fixture);
        await journey.Page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><input type="text" id="name"></main></body></html>
            """);
        await journey.ExpectPageAsync("Broken");

        var failure = Should.Throw<ShouldAssertException>(journey.AssertAccessible);

        failure.Message.ShouldContain("label [critical]");
        failure.Message.ShouldContain("#name");
    }
}
