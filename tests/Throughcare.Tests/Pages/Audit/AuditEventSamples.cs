using System.Reflection;
using System.Text.RegularExpressions;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Audit;

/// <summary>
/// One event of every typed kind (found by reflection, so a new kind is covered the day it exists), about the scenario's
/// person and records, written to the trail by the scenario's worker, with codes in every coded field; and the patterns
/// that must never reach a page or an export built from them: ids, ISO dates and times, stored codes.
/// </summary>
public static partial class AuditEventSamples
{
    /// <summary>The codes the samples hold; each must read as its label.</summary>
    private static readonly string[] SampleCodes =
        ["tower-hamlets", "safety-planning", "pan-london-referral-form", "fmhp", "liaison-diversion", "DataProtectionOfficer", "NhsTrust", "FaceToFace", "opd", "emotional"];

    public static async Task<IReadOnlyList<AuditedEvent>> WriteAsync(ThroughcareFactory factory, AuditScenario s)
    {
        var samples = AuditEventTypes.All.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => Sample(t, factory, s)).ToList();
        await factory.WithDbAsync(db =>
        {
            foreach (var e in samples)
            {
                var subject = e.Subject();
                db.AuditEvents.Add(new AuditEvent
                {
                    OccurredAt = AuditChain.TruncateToMicroseconds(factory.UtcNow),
                    UserId = s.Worker.Id,
                    UserName = s.Worker.Email,
                    OrganisationId = s.OrganisationId,
                    Role = "Practitioner,DataProtectionOfficer",
                    PersonId = subject.PersonId,
                    RecordType = subject.RecordType,
                    RecordId = subject.RecordId.ToString(),
                    Action = e.Action(),
                    EventType = AuditEventTypes.NameOf(e),
                    AggregateId = subject.AggregateId,
                    Details = AuditEventTypes.Serialize(e),
                    Purpose = "team caseload",
                });
            }

            // A read from before reads were typed, with the detail a page adds (a restricted note was shown).
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = AuditChain.TruncateToMicroseconds(factory.UtcNow),
                UserId = s.Worker.Id,
                UserName = s.Worker.Email,
                OrganisationId = s.OrganisationId,
                PersonId = s.PersonId,
                RecordType = AuditRecordTypes.Episode,
                RecordId = s.EpisodeId.ToString(),
                Action = AuditActions.View,
                Details = $"{{\"path\":\"/episodes/{s.EpisodeId}/contacts\",\"page\":1,\"restricted\":true}}",
            });
            return db.SaveChangesAsync();
        });
        return samples;
    }

    /// <summary>What of the text must not be there: each id, ISO date or stored code found, with where it was.</summary>
    public static IReadOnlyList<string> Leaks(string text)
    {
        var codes = AuditTrailText.KnownActions.Concat(AuditTrailText.KnownRecordTypes).Where(c => c.Contains('-', StringComparison.Ordinal))
            .Concat(EnumCodes()).Concat(SampleCodes).Distinct().ToList();
        return
        [
            .. Guid().Matches(text).Select(m => $"id {m.Value}"),
            .. IsoDate().Matches(text).Select(m => $"ISO date {m.Value}"),
            .. codes.Where(c => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(c)}(?![\w-])")).Select(c => $"code {c}"),
        ];
    }

    /// <summary>The names of the enums events hold that are more than one word (FaceToFace, AwaitingInformation): no label reads like them.</summary>
    private static IEnumerable<string> EnumCodes() =>
        AuditEventTypes.All.SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters())).Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)
            .Append(typeof(ContactMode)).Append(typeof(Attendance)).Append(typeof(OrganisationKind)).Append(typeof(ServiceSetting)).Append(typeof(NeedLevel)).Append(typeof(Throughcare.Core.Domain.People.RoshLevel))
            .Where(t => t.IsEnum).Distinct().SelectMany(Enum.GetNames).Where(n => Regex.IsMatch(n, "^[A-Z][a-z]+[A-Z]"));

    private static AuditedEvent Sample(Type type, ThroughcareFactory factory, AuditScenario s)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var values = constructor.GetParameters().Select(p => Value(type, p, factory, s)).ToArray();
        return (AuditedEvent)constructor.Invoke(values);
    }

    private static object? Value(Type owner, ParameterInfo parameter, ThroughcareFactory factory, AuditScenario s)
    {
        var name = parameter.Name!;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(Guid))
        {
            return name switch
            {
                "PersonId" => s.PersonId,
                "MergedPersonId" or "KeptPersonId" => s.SecondPersonId,
                "OrganisationId" or "StaffOrganisationId" => s.OrganisationId,
                "ServiceId" => s.ServiceId,
                "ServiceStrandId" => s.ServiceStrandId,
                "ReferralId" => s.ReferralId,
                "EpisodeId" => s.EpisodeId,
                "AppointmentId" when owner.Name.StartsWith("PersonAppointment", StringComparison.Ordinal) => s.OutsideAppointmentId,
                _ when name.Contains("Worker", StringComparison.Ordinal) || name.EndsWith("UserId", StringComparison.Ordinal) => s.Worker.Id,
                _ => System.Guid.NewGuid(),
            };
        }

        return type switch
        {
            _ when type == typeof(string) => name switch
            {
                "DocumentType" => "pan-london-referral-form",
                "WorkerRole" => "fmhp",
                "InterventionList" => "emotional",
                "Pathway" => "health",
                "Rule" => "opd",
                "RecordType" => AuditRecordTypes.CareRole,
                "Code" => "CORE-10",
                "Band" => "Mild",
                "FileName" => "Formulation.pdf",
                "Borough" => "tower-hamlets",
                _ when name.EndsWith("Name", StringComparison.Ordinal) => "Jordan Okafor",
                _ => "They moved to a new address",
            },
            _ when type == typeof(DateTime) => factory.UtcNow,
            _ when type == typeof(DateOnly) => factory.Today,
            _ when type == typeof(int) => 3,
            _ when type == typeof(bool) => true,
            _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1),
            _ when type == typeof(IReadOnlyList<FieldChange>) => Changes(owner, s),
            _ when type == typeof(IReadOnlyList<StrandWorker>) => new List<StrandWorker> { new(s.ServiceStrandId, s.Worker.Id) },
            _ when type == typeof(ContactFacts) => new ContactFacts(factory.UtcNow, 45, ContactMode.FaceToFace, s.ServiceStrandId, Attendance.Attended, ["safety-planning"], ["health"], false, true),
            _ when type == typeof(AppointmentFacts) => new AppointmentFacts(factory.UtcNow, 50, AppointmentPlace.Prison, "HMP Brixton, legal visits hall", s.ServiceStrandId, s.Worker.Id, s.Worker.Id, "Ewa Nowak"),
            _ when type == typeof(IReadOnlyDictionary<string, NeedLevel>) => new Dictionary<string, NeedLevel> { ["health"] = NeedLevel.High },
            _ when type == typeof(IReadOnlyList<PriorityChange>) => new List<PriorityChange> { new(1, TextChange.Added), new(2, TextChange.Changed) },
            _ when type == typeof(IReadOnlyList<Guid>) => new List<Guid> { s.PersonId },
            _ when type == typeof(IReadOnlyList<string>) => new List<string> { "housing.lead@example.test" },
            _ => throw new InvalidOperationException($"No sample value for {owner.Name}.{name} ({type.Name}): add one to {nameof(AuditEventSamples)}."),
        };
    }

    /// <summary>Changes as each kind of record stores them: codes by name, dates as ISO, a team by id.</summary>
    private static List<FieldChange> Changes(Type owner, AuditScenario s) => owner.Namespace!.Split('.')[^1] switch
    {
        "People" => [new("Borough", null, "tower-hamlets"), new("Date of birth", "1979-06-14", "1979-06-15"), new("RoSH level", null, "VeryHigh")],
        "Referrals" => [new("Where the person is now", "Community", "Custody"), new("Consent given on", null, "2026-06-01"), new("Preferred worker", null, "no-preference")],
        "Services" => [new(ServiceSettings.BoroughsField, null, "tower-hamlets"), new(ServiceSettings.SettingField, "Community", "Custody"), new(ServiceSettings.RequiredDocumentsField, null, "pan-london-referral-form")],
        "Accounts" => [new("Team", null, s.TeamId.ToString()), new("Roles", "Practitioner", "Practitioner, DataProtectionOfficer"), new("Job role", null, "liaison-diversion")],
        "Organisations" => [new(OrganisationDetails.KindField, null, "NhsTrust")],
        "Appointments" => [new("Agrees to appointment reminders", "No", "Yes"), new("Reminded by", null, "Text message")],
        "Custody" => [new("Expected release", "13 December 2026", "27 December 2026"), new("Accommodation on release", "None found", "Approved premises")],
        "Journeys" => [new("Emergency housing application", "15 November 2026", "29 November 2026")],
        var other => throw new InvalidOperationException($"No sample changes for {owner.Name} in {other}."),
    };

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}[^\s]*)?\b")]
    private static partial Regex IsoDate();
}

/// <summary>The records the samples are about, taken from <see cref="AccessScenario"/>.</summary>
/// <param name="OutsideAppointmentId">The organisation's appointment with the person outside any episode: the record its events are about.</param>
public sealed record AuditScenario(
    Guid PersonId, Guid SecondPersonId, Guid OrganisationId, Guid ServiceId, Guid ServiceStrandId, Guid ReferralId, Guid EpisodeId, Guid TeamId, TestUser Worker,
    Guid OutsideAppointmentId)
{
    public static AuditScenario Of(AccessScenario scenario) => new(
        scenario.PersonId, scenario.SecondPersonId, scenario.Receiving.Id, scenario.Service.Id, scenario.Service.Strands[0].Id, scenario.Referral.Id, scenario.Episode.Id,
        System.Guid.NewGuid(), scenario.Staff["worker"], scenario.OutsideAppointment.Id);
}
