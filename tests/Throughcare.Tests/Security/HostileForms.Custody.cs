using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>Recording a period in custody, changing its dates, recording a move, and marking a milestone done.</summary>
    private static IEnumerable<HostileForm> CustodyForms =>
    [
        new()
        {
            Name = "custody period",
            Fields =
            [
                new("Input.PrisonId", 36) { OtherOrganisationsId = NotAPrisonAsync }, .. DateFields("Input.ReceptionOn"), new("Input.SentenceType", 30),
                new("Input.SentenceOn", 4, IsDateGroup: true), new("Input.SentenceLengthMonths", 4), new("Input.Dates.ExpectedRelease", 4, IsDateGroup: true),
                new("Input.ReleaseBorough", 60), new("Input.Accommodation", 20), new("Input.ExpectedReleaseConfirmed", 5), new("SubmissionId", 36),
            ],
            StartAsync = async factory =>
            {
                var scene = await CustodySceneAsync(factory);
                return new FormSession
                {
                    Browser = scene.Browser,
                    Url = $"/people/{scene.PersonId}/custody/new",
                    ValidFieldsAsync = () => Fields(
                    [
                        ("SubmissionId", Guid.NewGuid().ToString()), ("Input.PrisonId", scene.Prison.ToString()), .. DateValue("Input.ReceptionOn", factory.Today.AddDays(-30)),
                        ("Input.SentenceType", nameof(SentenceType.Determinate)), .. DateValue("Input.SentenceOn", factory.Today.AddDays(-28)), ("Input.SentenceLengthMonths", "18"),
                        .. DateValue("Input.Dates.ExpectedRelease", factory.Today.AddDays(200)), ("Input.ExpectedReleaseConfirmed", "false"),
                        ("Input.ReleaseBorough", "southwark"), ("Input.Accommodation", nameof(ReleaseAccommodation.Temporary)),
                    ]),
                };
            },
        },
        new()
        {
            Name = "custody dates",
            Fields = [new("Version", 36), new("Input.Dates.ExpectedRelease", 4, IsDateGroup: true), new("Input.Dates.LicenceExpiry", 4, IsDateGroup: true), new("Input.Reason", CustodyPeriod.ReasonMaxLength)],
            StartAsync = async factory =>
            {
                var scene = await CustodySceneAsync(factory);
                return new FormSession
                {
                    Browser = scene.Browser,
                    Url = $"/people/{scene.PersonId}/custody/{scene.PeriodId}/dates",

                    // Each accepted value moves the expected release a day on, so that the next valid request changes something too.
                    ValidFieldsAsync = async () =>
                    {
                        var period = await factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().SingleAsync(p => p.Id == scene.PeriodId));
                        return await Fields(
                        [
                            ("Version", period.Version.ToString()), .. DateValue("Input.Dates.ExpectedRelease", period.ExpectedReleaseOn!.Value.AddDays(1)),
                            .. DateValue("Input.Dates.LicenceExpiry", period.LicenceExpiryOn), ("Input.ExpectedReleaseConfirmed", "false"), ("Input.Reason", "Recalculated"),
                        ]);
                    },
                };
            },
        },
        new()
        {
            Name = "custody move",
            Fields = [new("Version", 36), new("Input.ToPrisonId", 36) { OtherOrganisationsId = NotAPrisonAsync }, new("Input.MovedOn", 4, IsDateGroup: true), new("Input.Reason", 30), new("Input.Note", CustodyPeriod.ReasonMaxLength)],
            StartAsync = async factory =>
            {
                var scene = await CustodySceneAsync(factory);
                return new FormSession
                {
                    Browser = scene.Browser,
                    Url = $"/people/{scene.PersonId}/custody/{scene.PeriodId}/move",

                    // Each accepted move goes to the other prison, so that the next valid request is a move too.
                    ValidFieldsAsync = async () =>
                    {
                        var period = await factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().Include(p => p.Moves).SingleAsync(p => p.Id == scene.PeriodId));
                        var to = period.CurrentPrisonId == scene.Prison ? scene.OpenPrison : scene.Prison;
                        return await Fields(
                        [
                            ("Version", period.Version.ToString()), ("Input.ToPrisonId", to.ToString()), .. DateValue("Input.MovedOn", factory.Today),
                            ("Input.Reason", nameof(MoveReason.Transfer)), ("Input.Note", "Closer to home"),
                        ]);
                    },
                };
            },
        },
        new()
        {
            Name = "milestone done",
            Fields = [new("Version", 36), new("Input.DoneOn", 4, IsDateGroup: true), new("Input.Evidence", Milestone.EvidenceMaxLength)],
            ValidFieldsWrite = true,
            StartAsync = async factory =>
            {
                var scene = await CustodySceneAsync(factory);
                var milestoneId = await factory.WithDbAsync(db => db.Milestones.Where(m => m.CustodyPeriodId == scene.PeriodId && m.DefinitionId == ShippedJourney.Milestones[0].Id).Select(m => m.Id).SingleAsync());
                return new FormSession
                {
                    Browser = scene.Browser,
                    Url = $"/people/{scene.PersonId}/journey/{milestoneId}?handler=Done",
                    FormPage = $"/people/{scene.PersonId}/journey/{milestoneId}",

                    // An accepted value marks it done: it is opened again for the next request.
                    ValidFieldsAsync = async () =>
                    {
                        var version = Guid.NewGuid();
                        await factory.WithDbAsync(db => db.Milestones.Where(m => m.Id == milestoneId)
                            .ExecuteUpdateAsync(m => m.SetProperty(x => x.State, MilestoneState.Open).SetProperty(x => x.DoneOn, (DateOnly?)null).SetProperty(x => x.Version, version)));
                        return await Fields([("Version", version.ToString()), .. DateValue("Input.DoneOn", factory.Today), ("Input.Evidence", "Plan sent")]);
                    },
                };
            },
        },
    ];

    private sealed record CustodyScene(Browser Browser, Guid PersonId, Guid Prison, Guid OpenPrison, Guid PeriodId);

    /// <summary>A probation practitioner with a person whose period in custody is recorded, at one of two prisons.</summary>
    private static async Task<CustodyScene> CustodySceneAsync(ThroughcareFactory factory)
    {
        var data = new TestData(factory);
        var probation = await data.CreateOrganisationAsync(OrganisationKind.Probation);
        var prison = await data.CreateOrganisationAsync(OrganisationKind.Prison);
        var open = await data.CreateOrganisationAsync(OrganisationKind.Prison);
        var user = await data.CreateUserAsync(probation.Id, StaffRoles.Practitioner);
        var personId = await data.CreatePersonAsync(probation.Id);
        var browser = await Browser.SignInAsync(factory, user);
        var form = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.PrisonId"] = prison.Id.ToString(),
            ["Input.SentenceType"] = nameof(SentenceType.Determinate),
            ["Input.SentenceLengthMonths"] = "24",
        };
        foreach (var (name, value) in DateValue("Input.ReceptionOn", factory.Today.AddDays(-60)).Concat(DateValue("Input.SentenceOn", factory.Today.AddDays(-58)))
            .Concat(DateValue("Input.Dates.ExpectedRelease", factory.Today.AddDays(300))).Concat(DateValue("Input.Dates.LicenceExpiry", factory.Today.AddDays(600))))
        {
            form[name] = value;
        }

        var recorded = await browser.PostFormAsync($"/people/{personId}/custody/new", form);
        recorded.Status.ShouldBe(System.Net.HttpStatusCode.Redirect, string.Join(" | ", recorded.Document.ErrorSummary()));
        var periodId = await factory.WithDbAsync(db => db.CustodyPeriods.Where(p => p.PersonId == personId).Select(p => p.Id).SingleAsync());
        return new CustodyScene(browser, personId, prison.Id, open.Id, periodId);
    }

    /// <summary>An organisation that is not a prison: no one can be received into it or moved to it.</summary>
    private static async Task<string> NotAPrisonAsync(ThroughcareFactory factory) => (await new TestData(factory).CreateOrganisationAsync(OrganisationKind.NhsTrust)).Id.ToString();

    private static IEnumerable<(string Name, string Value)> DateValue(string prefix, DateOnly? date) =>
    [
        ($"{prefix}.Day", date?.Day.ToString(CultureInfo.InvariantCulture) ?? ""),
        ($"{prefix}.Month", date?.Month.ToString(CultureInfo.InvariantCulture) ?? ""),
        ($"{prefix}.Year", date?.Year.ToString(CultureInfo.InvariantCulture) ?? ""),
    ];
}
