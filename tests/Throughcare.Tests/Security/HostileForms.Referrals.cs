using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Referrals;

namespace Throughcare.Tests.Security;

public static partial class HostileForms
{
    /// <summary>
    /// The referral forms: the referrer's journey, the upload's fields other than the file, withdrawal, screening and
    /// allocation. Forms whose success moves the referral on put it back before each request, so that every hostile
    /// value meets the form as a user would.
    /// </summary>
    private static IEnumerable<HostileForm> ReferralForms =>
    [
        new()
        {
            Name = "refer",
            Fields = [new("ServiceId", 36), new("SubmissionId", 36) { OtherOrganisationsId = OtherOrganisationsReferralSubmissionAsync }],
            StartAsync = async factory =>
            {
                var scene = await ReferralPages.CreateSceneAsync(factory);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scene.Referrer),
                    Url = $"/people/{scene.PersonId}/refer",
                    ValidFieldsAsync = () => Fields(("ServiceId", scene.Service.Id.ToString()), ("SubmissionId", Guid.NewGuid().ToString())),
                };
            },
        },
        JourneyForm("referral reason", "reason", [new("Input.Source", 30), new("Input.Reason", 4000), new("Input.HelpWanted", 4000)],
            [("Input.Source", "Court"), ("Input.Reason", "Low mood since sentencing"), ("Input.HelpWanted", "Somewhere stable to live")]),
        JourneyForm("referral needs", "needs",
            [new("Input.PersonSetting", 20), new("Input.AccessibilityNeeds", 2000), new("Input.RisksToWorkers", 2000), new("Input.PreferredWorkerGender", 20)],
            [("Input.PersonSetting", "Custody"), ("Input.AccessibilityNeeds", "Step-free access"), ("Input.RisksToWorkers", "None known"), ("Input.PreferredWorkerGender", "woman")]),
        JourneyForm("referral sharing", "sharing", [new("Input.SharingBasis", 20), .. DateFields("Input.ConsentGivenOn"), new("Input.SharingNote", 2000)],
            [("Input.SharingBasis", "Consent"), ("Input.ConsentGivenOn.Day", "3"), ("Input.ConsentGivenOn.Month", "2"), ("Input.ConsentGivenOn.Year", "2024"),
             ("Input.SharingNote", "Signed consent form on file")]),
        new()
        {
            Name = "referral document upload",
            Fields = [new("Version", 36), new("DocumentType", 60)],
            StartAsync = async factory =>
            {
                var (scene, referral) = await ReferralAsync(factory, ReferralState.Draft);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scene.Referrer),
                    Url = $"/referrals/{referral.Id}/documents",
                    Files = [("Upload", "formulation.pdf", ReferralPages.Pdf)],
                    ValidFieldsAsync = async () => await Fields(("Version", await ReferralVersionAsync(factory, referral.Id)), ("DocumentType", DocumentTypes.Formulation)),
                };
            },
        },
        new()
        {
            Name = "referral withdraw",
            Fields = [new("Version", 36), new("Input.Reason", 30), new("Input.ReasonText", 2000)],
            StartAsync = async factory =>
            {
                var (scene, referral) = await ReferralAsync(factory, ReferralState.Submitted);
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, scene.Referrer),
                    Url = $"/referrals/{referral.Id}?handler=Withdraw",
                    FormPage = $"/referrals/{referral.Id}",
                    ValidFieldsAsync = async () => await Fields(("Version", await ResetReferralAsync(factory, referral.Id, ReferralState.Submitted)),
                        ("Input.Reason", nameof(ReferralCloseReason.Other)), ("Input.ReasonText", "Moved to Leeds")),
                };
            },
        },
        ScreeningForm("referral screening start", "Start", ReferralState.Submitted, [], []),
        ScreeningForm("referral screening override", "Override", ReferralState.Screening, [new("Override.Rule", 40), new("Override.Reason", 2000)],
            [("Override.Rule", Eligibility.OpdRule), ("Override.Reason", "Screened in by the prison team last month")]),
        ScreeningForm("referral screening decide", "Decide", ReferralState.Screening,
            [new("Decision.Outcome", 20), new("Decision.Reason", 30), new("Decision.ReasonText", 2000), new("Decision.Message", 2000), new("Decision.Notes", 4000)],
            [("Decision.Outcome", "decline"), ("Decision.Reason", nameof(ReferralCloseReason.Other)), ("Decision.ReasonText", "Lives outside the area we serve"),
             ("Decision.Message", "Please send the latest OASys"), ("Decision.Notes", "Discussed at the team meeting")]),
        new()
        {
            Name = "referral allocation",
            Fields =
            [
                new("Version", 36), new("Strands[0].StrandId", 36) { OtherOrganisationsId = OtherOrganisationsStrandIdAsync }, new("Strands[0].Include", 5),
                new("Strands[0].WorkerId", 36) { OtherOrganisationsId = OtherOrganisationsWorkerIdAsync }, new("Strands[0].Reason", 2000),
            ],
            StartAsync = async factory =>
            {
                var referrals = new ReferralTestData(factory);
                var s = await referrals.CreateScenarioAsync(ReferralState.Accepted);
                var emotional = await referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
                var practical = await referrals.CreateWorkerAsync(s.Service.OrganisationId, "clw");
                return new FormSession
                {
                    Browser = await Browser.SignInAsync(factory, s.Manager),
                    Url = $"/referrals/{s.Referral.Id}/allocation",
                    ValidFieldsAsync = async () => await Fields(("Version", await ResetReferralAsync(factory, s.Referral.Id, ReferralState.Accepted)),
                        ("Strands[0].StrandId", s.Service.Strands[0].Id.ToString()), ("Strands[0].Include", "true"), ("Strands[0].WorkerId", emotional.Id.ToString()),
                        ("Strands[0].Reason", "Speaks the person's language"),
                        ("Strands[1].StrandId", s.Service.Strands[1].Id.ToString()), ("Strands[1].Include", "true"), ("Strands[1].WorkerId", practical.Id.ToString())),
                };
            },
        },
    ];

    /// <summary>The service forms: create, edit and add a strand.</summary>
    private static IEnumerable<HostileForm> ServiceForms =>
    [
        new()
        {
            Name = "service create",
            Fields = [.. ServiceFields, new("SubmissionId", 36) { OtherOrganisationsId = OtherOrganisationsServiceSubmissionAsync }],
            StartAsync = async factory =>
            {
                var (browser, _) = await SignInAsync(factory, StaffRoles.Administrator);
                return new FormSession
                {
                    Browser = browser,
                    Url = "/services/new",
                    ValidFieldsAsync = () => Fields([.. ValidService(), ("SubmissionId", Guid.NewGuid().ToString())]),
                };
            },
        },
        new()
        {
            Name = "service edit",
            Fields = [.. ServiceFields, new("Version", 36)],
            StartAsync = async factory =>
            {
                var (browser, administrator) = await SignInAsync(factory, StaffRoles.Administrator);
                var service = await new ReferralTestData(factory).CreateServiceAsync(administrator.OrganisationId);
                return new FormSession
                {
                    Browser = browser,
                    Url = $"/services/{service.Id}/edit",
                    ValidFieldsAsync = async () =>
                    {
                        var version = await factory.WithDbAsync(db => db.Services.Where(s => s.Id == service.Id).Select(s => s.Version).SingleAsync());
                        return await Fields([.. ValidService(service.Name), ("Version", version.ToString())]);
                    },
                };
            },
        },
        new()
        {
            Name = "service add strand",
            Fields = [new("Input.Name", 200), new("Input.WorkerRole", 40), new("Input.InterventionList", 20)],
            StartAsync = async factory =>
            {
                var (browser, administrator) = await SignInAsync(factory, StaffRoles.Administrator);
                var service = await new ReferralTestData(factory).CreateServiceAsync(administrator.OrganisationId);
                return new FormSession
                {
                    Browser = browser,
                    Url = $"/services/{service.Id}/strands/new",
                    ValidFieldsAsync = () => Fields(("Input.Name", TestData.Unique("Peer support")), ("Input.WorkerRole", "peer-mentor"), ("Input.InterventionList", Interventions.Practical)),
                };
            },
        },
    ];

    private static IEnumerable<HostileField> ServiceFields =>
    [
        new("Input.Name", 200), new("Input.Description", 2000), new("Input.MinimumAge", 3), new("Input.MaximumAge", 3), new("Input.GenderIdentities", 40),
        new("Input.RequiresOpdScreenedIn", 3), new("Input.Boroughs", 40), new("Input.Setting", 20), new("Input.MaximumEpisodeMonths", 2),
        new("Input.CaseloadCapacity", 3), new("Input.AcceptingReferrals", 3), new("Input.ReviewIntervalMonths", 2), new("Input.AtRiskMissedInARow", 2),
        new("Input.AtRiskWeeksWithoutContact", 2), new("Input.MinimumReengagementAttempts", 2), new("Input.Documents[0].Type", 60), new("Input.Documents[0].Use", 20),
    ];

    /// <summary>A service for adults in Hackney, each document type sent with its choice, as the form posts them.</summary>
    private static IEnumerable<(string, string)> ValidService(string? name = null) =>
    [
        ("Input.Name", name ?? TestData.Unique("Wellbeing pathway")), ("Input.Description", "One-to-one emotional and practical support"),
        ("Input.MinimumAge", "18"), ("Input.MaximumAge", "65"), ("Input.GenderIdentities", "man"), ("Input.RequiresOpdScreenedIn", "yes"),
        ("Input.Boroughs", Boroughs.All[0].Code), ("Input.Setting", nameof(ServiceSetting.Community)), ("Input.MaximumEpisodeMonths", "18"),
        ("Input.CaseloadCapacity", "12"), ("Input.AcceptingReferrals", "yes"), ("Input.ReviewIntervalMonths", "3"), ("Input.AtRiskMissedInARow", "3"),
        ("Input.AtRiskWeeksWithoutContact", "4"), ("Input.MinimumReengagementAttempts", "3"),
        .. DocumentTypes.All.SelectMany((t, i) => new[] { ($"Input.Documents[{i}].Type", t.Code), ($"Input.Documents[{i}].Use", i == 0 ? "required" : "not-used") }),
    ];

    /// <summary>One page of the referrer's journey on a draft: its answers saved in place, against the draft's version.</summary>
    private static HostileForm JourneyForm(string name, string page, IEnumerable<HostileField> fields, IEnumerable<(string Name, string Value)> valid) => new()
    {
        Name = name,
        Fields = [new("Version", 36), .. fields],
        StartAsync = async factory =>
        {
            var (scene, referral) = await ReferralAsync(factory, ReferralState.Draft);
            return new FormSession
            {
                Browser = await Browser.SignInAsync(factory, scene.Referrer),
                Url = $"/referrals/{referral.Id}/{page}",
                ValidFieldsAsync = async () => await Fields([("Version", await ReferralVersionAsync(factory, referral.Id)), .. valid]),
            };
        },
    };

    /// <summary>One of the screening page's forms, the referral put back in the state the form needs before each request.</summary>
    private static HostileForm ScreeningForm(string name, string handler, ReferralState state, IEnumerable<HostileField> fields, IEnumerable<(string Name, string Value)> valid) => new()
    {
        Name = name,
        Fields = [new("Version", 36), .. fields],
        StartAsync = async factory =>
        {
            var s = await new ReferralTestData(factory).CreateScenarioAsync(state, person: d => d with { OpdScreeningResult = null });
            var url = $"/referrals/{s.Referral.Id}/screening";
            return new FormSession
            {
                Browser = await Browser.SignInAsync(factory, s.Manager),
                Url = $"{url}?handler={handler}",
                FormPage = url,
                ValidFieldsAsync = async () => await Fields([("Version", await ResetReferralAsync(factory, s.Referral.Id, state)), .. valid]),
            };
        },
    };

    /// <summary>The submission id of a referral between two other organisations.</summary>
    private static async Task<string> OtherOrganisationsReferralSubmissionAsync(ThroughcareFactory factory)
    {
        var s = await new ReferralTestData(factory).CreateScenarioAsync(ReferralState.Draft);
        var submissionId = Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            (await db.Referrals.SingleAsync(r => r.Id == s.Referral.Id)).SubmissionId = submissionId;
            return await db.SaveChangesAsync();
        });
        return submissionId.ToString();
    }

    private static async Task<string> OtherOrganisationsStrandIdAsync(ThroughcareFactory factory)
    {
        var other = await new TestData(factory).CreateOrganisationAsync();
        return (await new ReferralTestData(factory).CreateServiceAsync(other.Id)).Strands[0].Id.ToString();
    }

    private static async Task<string> OtherOrganisationsWorkerIdAsync(ThroughcareFactory factory)
    {
        var other = await new TestData(factory).CreateOrganisationAsync();
        return (await new ReferralTestData(factory).CreateWorkerAsync(other.Id, "fmhp")).Id.ToString();
    }

    /// <summary>The submission id of a service another organisation added.</summary>
    private static async Task<string> OtherOrganisationsServiceSubmissionAsync(ThroughcareFactory factory)
    {
        var other = await new TestData(factory).CreateOrganisationAsync();
        var service = await new ReferralTestData(factory).CreateServiceAsync(other.Id, s => s.SubmissionId = Guid.NewGuid());
        return service.SubmissionId!.Value.ToString();
    }

    private static async Task<(ReferralScene Scene, Referral Referral)> ReferralAsync(ThroughcareFactory factory, ReferralState state)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        return (scene, await factory.CreateReferralAsync(scene, state, withRequiredDocuments: true));
    }

    private static async Task<string> ReferralVersionAsync(ThroughcareFactory factory, Guid referralId) =>
        (await factory.WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.Version).SingleAsync())).ToString();

    /// <summary>
    /// Puts the referral back as it was before a success: in the state, undecided, unallocated, without overrides, and
    /// with the receiving organisation's role in the person's care running again. Returns its version.
    /// </summary>
    private static async Task<string> ResetReferralAsync(ThroughcareFactory factory, Guid referralId, ReferralState state)
    {
        await factory.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.Include(r => r.Overrides).SingleAsync(r => r.Id == referralId);
            referral.State = state;
            referral.DecidedAt = null;
            referral.DecidedByUserId = null;
            referral.CloseReason = null;
            referral.CloseReasonText = null;
            referral.AllocatedAt = null;
            db.RemoveRange(referral.Overrides);
            db.RemoveRange(await db.Episodes.Include(e => e.Strands).Where(e => e.ReferralId == referralId).ToListAsync());
            foreach (var role in await db.PersonCareRoles.Where(r => r.ReferralId == referralId).ToListAsync())
            {
                role.EndedAt = null;
                role.EndReason = null;
            }

            return await db.SaveChangesAsync();
        });
        return await ReferralVersionAsync(factory, referralId);
    }
}
