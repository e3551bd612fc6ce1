using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;
using Throughcare.Tests.Pages.Episodes.Appointments;

namespace Throughcare.Tests.Api;

/// <summary>/api/v1/people/{id}/appointments and /api/v1/episodes/{id}/appointments: listing and booking with the pages' rules.</summary>
public sealed class AppointmentsApiTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static object Booking(EpisodeScenario scenario, DateTimeOffset startsAt, int durationMinutes = 60, bool confirmClash = false) => new
    {
        startsAt,
        durationMinutes,
        place = "Video",
        placeDetail = "Teams",
        strandId = scenario.EmotionalStrand.Id,
        workerUserId = scenario.EmotionalWorker.Id,
        confirmClash,
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, EpisodeScenario scenario, object body, Guid? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/episodes/{scenario.Episode.Id}/appointments", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", (key ?? Guid.NewGuid()).ToString());
        return await client.SendAsync(request);
    }

    private static DateTimeOffset Ahead => new(AppointmentForms.AheadAt(), TimeSpan.Zero);

    [Fact]
    public async Task Post_BooksOnce_PerIdempotencyKey_AndTheListShowsIt()
    {
        var scenario = await AppointmentForms.CreateAsync(factory);
        var client = await EpisodesApiTests.ClientForAsync(factory, scenario.Service.OrganisationId);
        var key = Guid.NewGuid();

        var created = await PostAsync(client, scenario, Booking(scenario, Ahead), key);
        var again = await PostAsync(client, scenario, Booking(scenario, Ahead), key);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        var appointment = await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.EpisodeId == scenario.Episode.Id));
        (appointment.StartsAt, appointment.Place, appointment.PlaceDetail).ShouldBe((AppointmentForms.AheadAt(), AppointmentPlace.Video, "Teams"));
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/episodes/{scenario.Episode.Id}/appointments/{appointment.Id}");
        (await client.GetAsync(created.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/people/{scenario.PersonId}/appointments", UriKind.Relative)));
        var only = list.RootElement.EnumerateArray().ShouldHaveSingleItem();
        (only.GetProperty("id").GetGuid(), only.GetProperty("state").GetString(), only.GetProperty("place").GetString()).ShouldBe((appointment.Id, "Booked", "Video"));
    }

    [Fact]
    public async Task Post_Clash_Answers409WithTheClashes_UnlessConfirmed()
    {
        var scenario = await AppointmentForms.CreateAsync(factory);
        var other = await AppointmentForms.SeedAsync(factory, scenario, AppointmentForms.AheadAt("15:00"));
        var client = await EpisodesApiTests.ClientForAsync(factory, scenario.Service.OrganisationId);

        var clash = await PostAsync(client, scenario, Booking(scenario, Ahead));

        clash.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var problem = JsonDocument.Parse(await clash.Content.ReadAsStringAsync());
        var listed = problem.RootElement.GetProperty("clashes").EnumerateArray().ShouldHaveSingleItem();
        (listed.GetProperty("startsAt").GetDateTime(), listed.GetProperty("workerUserId").GetGuid()).ShouldBe((other.StartsAt, scenario.EmotionalWorker.Id));
        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(1);

        (await PostAsync(client, scenario, Booking(scenario, Ahead, confirmClash: true))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Post_BadInput_AnswersTheValidatorsMessages()
    {
        var scenario = await AppointmentForms.CreateAsync(factory);
        var client = await EpisodesApiTests.ClientForAsync(factory, scenario.Service.OrganisationId);

        var past = await PostAsync(client, scenario, Booking(scenario, Ahead.AddYears(-1), durationMinutes: 601));

        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("startsAt")[0].GetString().ShouldBe("Date of the appointment must be today or in the future");
        errors.GetProperty("durationMinutes")[0].GetString().ShouldBe("Length must be between 1 and 600 minutes");
        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task OutsiderToken_GetsNotFound_ForListAndBooking()
    {
        var scenario = await AppointmentForms.CreateAsync(factory);
        await AppointmentForms.SeedAsync(factory, scenario, AppointmentForms.AheadAt());
        var client = await EpisodesApiTests.ClientForAsync(factory, scenario.Outsider.OrganisationId);

        (await client.GetAsync(new Uri($"/api/v1/people/{scenario.PersonId}/appointments", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(client, scenario, Booking(scenario, Ahead))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task PostOutsideAnEpisode_BooksForTheCallersOrganisation_WhichAloneListsAndReadsIt()
    {
        var scenario = await AppointmentForms.CreateAsync(factory);
        var client = await EpisodesApiTests.ClientForAsync(factory, scenario.Service.OrganisationId);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/people/{scenario.PersonId}/appointments", UriKind.Relative))
        {
            Content = JsonContent.Create(Booking(scenario, Ahead)),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var created = await client.SendAsync(request);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var appointment = await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.PersonId == scenario.PersonId));
        (appointment.EpisodeId, appointment.OrganisationId).ShouldBe((null, scenario.Service.OrganisationId));
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/people/{scenario.PersonId}/appointments/{appointment.Id}");
        using var one = JsonDocument.Parse(await client.GetStringAsync(created.Headers.Location));
        (one.RootElement.GetProperty("id").GetGuid(), one.RootElement.GetProperty("episodeId").ValueKind).ShouldBe((appointment.Id, JsonValueKind.Null));
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/people/{scenario.PersonId}/appointments", UriKind.Relative)));
        list.RootElement.EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid().ShouldBe(appointment.Id);

        // The referring organisation holds a care role with the person, and still neither lists nor reads it.
        var referrer = await EpisodesApiTests.ClientForAsync(factory, scenario.Referrer.OrganisationId);
        using var theirs = JsonDocument.Parse(await referrer.GetStringAsync(new Uri($"/api/v1/people/{scenario.PersonId}/appointments", UriKind.Relative)));
        theirs.RootElement.GetArrayLength().ShouldBe(0);
        (await referrer.GetAsync(created.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
