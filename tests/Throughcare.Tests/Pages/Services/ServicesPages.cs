using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Services;

/// <summary>Forms and look-ups shared by the service pages' tests.</summary>
public static class ServicesPages
{
    /// <summary>The create form as the page serves it, with every required answer given.</summary>
    public static async Task<Dictionary<string, string>> NewServiceFormAsync(this Browser browser, string name) =>
        (await browser.GetAsync("/services/new")).Document.FormFields()
            .With("Input.Name", name)
            .With("Input.RequiresOpdScreenedIn", "no")
            .With("Input.Setting", "Either")
            .With("Input.MaximumEpisodeMonths", "18")
            .With("Input.CaseloadCapacity", "12")
            .With("Input.AcceptingReferrals", "yes");

    /// <summary>Posts the form plus repeated fields (checkboxes), as a browser sends several ticked boxes.</summary>
    public static Task<Page> PostWithAsync(this Browser browser, string url, Dictionary<string, string> form, params (string Name, string Value)[] repeated) =>
        browser.PostRawAsync(url, form.Select(f => KeyValuePair.Create(f.Key, f.Value)).Concat(repeated.Select(r => KeyValuePair.Create(r.Name, r.Value))));

    /// <summary>The document type's radio name on the form: choices are posted in the order the form lists them.</summary>
    public static string DocumentField(Dictionary<string, string> form, string documentType) =>
        form.Single(f => f.Key.StartsWith("Input.Documents[", StringComparison.Ordinal) && f.Key.EndsWith("].Type", StringComparison.Ordinal) && f.Value == documentType)
            .Key.Replace("].Type", "].Use", StringComparison.Ordinal);

    public static Task<Service?> FindServiceAsync(this ThroughcareFactory factory, Guid serviceId) =>
        factory.WithDbAsync(db => db.Services.AsNoTracking().AsSplitQuery().Include(s => s.Documents).Include(s => s.Strands).SingleOrDefaultAsync(s => s.Id == serviceId));

    public static Task<List<Service>> FindServicesNamedAsync(this ThroughcareFactory factory, string name) =>
        factory.WithDbAsync(db => db.Services.AsNoTracking().Include(s => s.Documents).Where(s => s.Name == name).ToListAsync());

    public static Task<List<AuditEvent>> ServiceAuditAsync(this ThroughcareFactory factory, Guid serviceId, string? action = null) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.RecordType == AuditRecordTypes.Service && a.RecordId == serviceId.ToString() && (action == null || a.Action == action))
            .OrderBy(a => a.Sequence)
            .ToListAsync());

    public static IReadOnlyList<(string? Field, string? From, string? To)> Changes(this AuditEvent audit) =>
        JsonDocument.Parse(audit.Details!).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("from").GetString(), c.GetProperty("to").GetString())).ToList();

    /// <summary>The audit row's typed event as the audit search describes it: labels, not codes.</summary>
    public static AuditDescription Described(this AuditEvent audit) =>
        AuditEventTypes.Read(audit.EventType, audit.Details).ShouldNotBeNull().Describe(AuditLabels.None);

    public static Guid ServiceIdFrom(string? location)
    {
        location.ShouldNotBeNull().ShouldStartWith("/services/");
        return Guid.Parse(location["/services/".Length..].Split('?', '/')[0]);
    }
}
