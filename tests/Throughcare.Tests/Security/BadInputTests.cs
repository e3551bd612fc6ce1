using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Throughcare.Tests.Security;

/// <summary>A host on real Kestrel (the test server has no body limit) whose request body limit is small enough to exceed.</summary>
public sealed class SmallBodyFactory : ThroughcareFactory
{
    public const int MaxRequestBodyBytes = 64 * 1024;

    public SmallBodyFactory() => UseKestrel(0);

    public HttpClient CreateKestrelClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throughcare:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // Plain HTTP on loopback, as in the demo: the anti-forgery check insists on a secure request.
        ["Throughcare:LoopbackIsSecure"] = "true",
    };
}

/// <summary>
/// Bad input that is not one field's value: another organisation's record ids, bodies over the limit, malformed
/// encodings, too many fields, no anti-forgery token. Each answers 4xx with a GOV.UK page and changes nothing.
/// </summary>
public sealed class BadInputTests(ThroughcareFactory factory, SmallBodyFactory smallBodyFactory)
    : HostileFormHarness(factory), IClassFixture<ThroughcareFactory>, IClassFixture<SmallBodyFactory>
{
    public static TheoryData<string, string> OtherOrganisationsIds => HostileForms.OtherOrganisationsIdCases;

    /// <summary>A field that names a record, sent the id of another organisation's record: refused with a 400 or a 404, and nothing written.</summary>
    [Theory]
    [MemberData(nameof(OtherOrganisationsIds))]
    public async Task Post_IdOfAnotherOrganisationsRecord_Returns400Or404AndChangesNothing(string form, string field)
    {
        var spec = HostileForms.Find(form);
        var session = await spec.StartAsync(Factory);
        var token = await TokenAsync(session);
        var foreign = await spec.Fields.Single(f => f.Name == field).OtherOrganisationsId!(Factory);
        var fields = Replace(await session.ValidFieldsAsync(), field, [foreign]);
        var before = await CountAsync();

        var page = await SendAsync(session, token, fields);

        page.Status.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        (await CountAsync()).ShouldBe(before);
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413WithoutServerError()
    {
        using var client = smallBodyFactory.CreateKestrelClient();
        var before = await smallBodyFactory.WithDbAsync(db => db.AuditEvents.CountAsync());

        using var content = new FormUrlEncodedContent([new("Input.Email", "someone@example.test"), new("Input.Password", new string('x', SmallBodyFactory.MaxRequestBodyBytes + 1))]);
        using var response = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, html);
        html.ShouldContain("What you sent was too large");
        html.ShouldNotContain("   at ");
        html.ShouldNotContain("Exception");
        (await smallBodyFactory.WithDbAsync(db => db.AuditEvents.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "Input.GivenName=%zz%%&=&&%FF%FE%00&Input.FamilyName=%E0%A4%A")]
    [InlineData("multipart/form-data", "--no-boundary\r\nContent-Disposition: form-data; name=\"Input.GivenName\"\r\n\r\nChidi")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"Input.GivenName\"\r\n\r\nunterminated")]
    public async Task Post_MalformedFormEncoding_Returns400(string contentType, string body)
    {
        var user = await new TestData(Factory).CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(Factory, user);
        var token = await browser.GetTokenAsync("/people/new");
        var before = await CountAsync();

        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace("%TOKEN%", token, StringComparison.Ordinal)));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await browser.Client.PostAsync(new Uri("/people/new", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldNotContain("   at ");
        html.ShouldNotContain("Exception");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_TooManyFields_Returns400()
    {
        var user = await new TestData(Factory).CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(Factory, user);
        var token = await browser.GetTokenAsync("/people/new");

        var page = await browser.PostRawAsync("/people/new",
            Enumerable.Range(0, 5000).Select(i => KeyValuePair.Create($"Input.Field{i}", "x")).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Post_WithoutAntiForgeryToken_Returns400GovUkErrorPage()
    {
        var user = await new TestData(Factory).CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(Factory, user);
        var before = await CountAsync();

        var page = await browser.PostRawAsync("/people/new", [new("Input.GivenName", "Chidi"), new("Input.FamilyName", "Okafor"), new("Input.IsPpo", "no")]);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.Heading().ShouldBe("There is a problem with your request");
        page.Document.QuerySelector(".govuk-header").ShouldNotBeNull();
        AssertNoStackTrace(page);
        (await CountAsync()).ShouldBe(before);
    }
}
