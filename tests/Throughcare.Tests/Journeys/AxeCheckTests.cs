using Microsoft.Playwright;

namespace Throughcare.Tests.Journeys;

/// <summary>The journeys' page checks must be able to fail: a clean report means nothing otherwise.</summary>
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

        var failure = (await Record.ExceptionAsync(journey.AssertAccessibleAsync)).ShouldBeOfType<ShouldAssertException>();

        failure.Message.ShouldContain("label [critical]");
        failure.Message.ShouldContain("#name");
    }

    [Fact]
    public async Task AssertAccessible_ServedPageThatIsInvalidHtmlAndTooWideForAPhone_FailsNamingBoth()
    {
        await using var journey = await Journey.StartAsync(fixture);
        await journey.Page.RouteAsync("**/not-valid", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Body = """
                <!DOCTYPE html><html lang="en"><head><title>Not valid</title></head>
                <body><main><h1>Not valid</h1><p><time datetime="2026-11-30T10:00:00.0000000Z">30 November</time></p>
                <table class="wide-table" style="width: 600px"><tr><td>Too wide</td></tr></table></main></body></html>
                """,
        }));
        await journey.GotoAsync("/not-valid", "Not valid");

        var failure = (await Record.ExceptionAsync(journey.AssertAccessibleAsync)).ShouldBeOfType<ShouldAssertException>();

        failure.Message.ShouldContain("W3C: ");
        failure.Message.ShouldContain("/not-valid line 2: Bad value “2026-11-30T10:00:00.0000000Z” for attribute “datetime”");
        failure.Message.ShouldContain("/not-valid scrolls sideways on a 390-pixel screen, past the edge: td (");
    }
}
