using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Appointments;

/// <summary>A host whose outbox sends through the fake GOV.UK Notify, with a contact number for reminders.</summary>
public sealed class NotifyFactory(string notifyBaseUrl) : ThroughcareFactory
{
    public const string ContactNumber = "0300 123 4567";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notify:ApiKey"] = FakeNotify.ApiKey,
        ["Notify:BaseUrl"] = notifyBaseUrl,
        ["Notify:EmailTemplateId"] = FakeNotify.EmailTemplateId,
        ["Notify:TextMessageTemplateId"] = FakeNotify.TextMessageTemplateId,
        ["Reminders:ContactNumber"] = ContactNumber,
        ["Reminders:HoursAhead"] = "24",
    };
}

/// <summary>The fake Notify API, started on loopback for the class, and a host that sends to it.</summary>
public sealed class NotifyFixture : IAsyncLifetime
{
    public FakeNotify Notify { get; private set; } = null!;

    public NotifyFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Notify = await FakeNotify.StartAsync();
        Factory = new NotifyFactory(Notify.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Notify.DisposeAsync();
    }
}

/// <summary>Reminders to the person: queued once, inside the window, only when they agreed, and saying only time, place and number.</summary>
public sealed class ReminderTests(NotifyFixture fixture) : IClassFixture<NotifyFixture>
{
    private NotifyFactory Factory => fixture.Factory;

    [Fact]
    public async Task Reminder_IsQueuedOnceInsideTheWindow_NotBeforeIt_AndNeverTwice()
    {
        var s = await AppointmentRows.ScenarioAsync(Factory);
        await AppointmentRows.PreferAsync(Factory, s, consents: true, ReminderChannel.TextMessage);
        var (_, phone) = await AppointmentRows.ContactAsync(Factory, s);
        var appointment = await AppointmentRows.AddAsync(Factory, s, Factory.UtcNow.AddHours(30));

        await QueueDueAsync();
        (await AppointmentRows.FindAsync(Factory, appointment.Id)).ReminderQueuedAt.ShouldBeNull("30 hours ahead is outside the 24-hour window");
        (await MessagesToAsync(phone!)).ShouldBeEmpty();

        Factory.Clock.Advance(TimeSpan.FromHours(7));
        await QueueDueAsync();
        await QueueDueAsync();
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await QueueDueAsync();

        (await AppointmentRows.FindAsync(Factory, appointment.Id)).ReminderQueuedAt.ShouldNotBeNull();
        var message = (await MessagesToAsync(phone!)).ShouldHaveSingleItem();
        message.Channel.ShouldBe(OutboxChannel.TextMessage);
        message.Body.ShouldBe(ReminderWording.Body(appointment.StartsAt, AppointmentPlace.Prison, "HMP Brixton", NotifyFactory.ContactNumber));
        var audit = (await Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.RecordType == AuditRecordTypes.Appointment && a.RecordId == appointment.Id.ToString()).ToListAsync())).ShouldHaveSingleItem();
        (audit.EventType, audit.PersonId, audit.AggregateId, audit.Action).ShouldBe((nameof(AppointmentReminderQueued), (Guid?)s.PersonId, (Guid?)s.Episode.Id, AuditActions.Create));
        audit.Details.ShouldNotBeNull().ShouldContain(message.Id.ToString());
    }

    [Fact]
    public async Task Reminder_OfAnAppointmentOutsideAnEpisode_IsQueued_AndAuditedOnTheAppointmentItself()
    {
        var s = await AppointmentRows.ScenarioAsync(Factory);
        await AppointmentRows.PreferAsync(Factory, s, consents: true, ReminderChannel.Email);
        var (email, _) = await AppointmentRows.ContactAsync(Factory, s);
        var appointment = await AppointmentRows.AddAsync(Factory, s, Factory.UtcNow.AddHours(5), place: AppointmentPlace.Court, placeDetail: "Camberwell Green");
        await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointment.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.EpisodeId, (Guid?)null)));

        await QueueDueAsync();

        (await MessagesToAsync(email!)).ShouldHaveSingleItem().Body.ShouldBe(ReminderWording.Body(appointment.StartsAt, AppointmentPlace.Court, "Camberwell Green", NotifyFactory.ContactNumber));
        var audit = (await Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.RecordType == AuditRecordTypes.Appointment && a.RecordId == appointment.Id.ToString()).ToListAsync())).ShouldHaveSingleItem();
        (audit.EventType, audit.PersonId, audit.AggregateId).ShouldBe((nameof(PersonAppointmentReminderQueued), (Guid?)s.PersonId, (Guid?)appointment.Id));
    }

    [Fact]
    public async Task Reminder_IsNotQueued_WhenCancelledClosedPastWithoutConsentOrWithoutTheirNumber()
    {
        var consenting = await AppointmentRows.ScenarioAsync(Factory);
        await AppointmentRows.PreferAsync(Factory, consenting, consents: true, ReminderChannel.Email);
        var cancelled = await AppointmentRows.AddAsync(Factory, consenting, Factory.UtcNow.AddHours(3), AppointmentState.Cancelled);
        var closed = await AppointmentRows.AddAsync(Factory, consenting, Factory.UtcNow.AddHours(4), AppointmentState.Closed);
        var past = await AppointmentRows.AddAsync(Factory, consenting, Factory.UtcNow.AddHours(-1));
        var declined = await AppointmentRows.ScenarioAsync(Factory);
        await AppointmentRows.PreferAsync(Factory, declined, consents: false, null);
        var notAsked = await AppointmentRows.ScenarioAsync(Factory);
        var noPhone = await AppointmentRows.ScenarioAsync(Factory, withPhone: false);
        await AppointmentRows.PreferAsync(Factory, noPhone, consents: true, ReminderChannel.TextMessage);
        var appointments = new[]
        {
            cancelled, closed, past,
            await AppointmentRows.AddAsync(Factory, declined, Factory.UtcNow.AddHours(3)),
            await AppointmentRows.AddAsync(Factory, notAsked, Factory.UtcNow.AddHours(3)),
            await AppointmentRows.AddAsync(Factory, noPhone, Factory.UtcNow.AddHours(3)),
        };

        await QueueDueAsync();

        var ids = appointments.Select(a => a.Id).ToList();
        (await Factory.WithDbAsync(db => db.Appointments.CountAsync(a => ids.Contains(a.Id) && a.ReminderQueuedAt != null))).ShouldBe(0);
        var people = new[] { consenting, declined, notAsked, noPhone }.Select(s => (Guid?)s.PersonId).ToList();
        (await Factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Appointment && people.Contains(a.PersonId)))).ShouldBe(0);
        (await MessagesToAsync((await AppointmentRows.ContactAsync(Factory, consenting)).Email!)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TwoNodesAtOnce_QueueOneReminder()
    {
        var s = await AppointmentRows.ScenarioAsync(Factory);
        await AppointmentRows.PreferAsync(Factory, s, consents: true, ReminderChannel.Email);
        var (email, _) = await AppointmentRows.ContactAsync(Factory, s);
        await AppointmentRows.AddAsync(Factory, s, Factory.UtcNow.AddHours(5));
        var one = Factory.Services.GetRequiredService<AppointmentReminderService>();
        var two = ActivatorUtilities.CreateInstance<AppointmentReminderService>(Factory.Services);

        await Task.WhenAll(one.QueueDueAsync(default), two.QueueDueAsync(default));

        (await MessagesToAsync(email!)).ShouldHaveSingleItem().Channel.ShouldBe(OutboxChannel.Email);
    }

    [Fact]
    public async Task Reminders_ReachNotify_ByTextAndByEmail_SayingOnlyTimePlaceAndNumber()
    {
        var byText = await AppointmentRows.ScenarioAsync(Factory);
        await AppointmentRows.PreferAsync(Factory, byText, consents: true, ReminderChannel.TextMessage);
        var byEmail = await AppointmentRows.ScenarioAsync(Factory);
        await AppointmentRows.PreferAsync(Factory, byEmail, consents: true, ReminderChannel.Email);
        var (_, phone) = await AppointmentRows.ContactAsync(Factory, byText);
        var (email, _) = await AppointmentRows.ContactAsync(Factory, byEmail);
        var prisonVisit = await AppointmentRows.AddAsync(Factory, byText, Factory.UtcNow.AddHours(6));
        var homeVisit = await AppointmentRows.AddAsync(Factory, byEmail, Factory.UtcNow.AddHours(7), place: AppointmentPlace.Home, placeDetail: null);

        await QueueDueAsync();
        await SendAllAsync(phone!, email!);

        var text = fixture.Notify.Received.Where(r => r.To == phone).ShouldHaveSingleItem();
        (text.Channel, text.TemplateId).ShouldBe(("sms", FakeNotify.TextMessageTemplateId));
        text.Personalisation["body"].ShouldBe(ReminderWording.Body(prisonVisit.StartsAt, AppointmentPlace.Prison, "HMP Brixton", NotifyFactory.ContactNumber));
        text.Personalisation["body"].ShouldContain(NotifyFactory.ContactNumber);
        var mail = fixture.Notify.Received.Where(r => r.To == email).ShouldHaveSingleItem();
        (mail.Channel, mail.TemplateId, mail.Personalisation["subject"]).ShouldBe(("email", FakeNotify.EmailTemplateId, ReminderWording.Subject));
        mail.Personalisation["body"].ShouldBe(ReminderWording.Body(homeVisit.StartsAt, AppointmentPlace.Home, null, NotifyFactory.ContactNumber));
        foreach (var sent in new[] { text, mail })
        {
            var everything = string.Join("\n", sent.Personalisation.Values);
            foreach (var secret in new[] { "Jordan", "Secretname", AppointmentRows.Crn, byText.Service.Name, byEmail.Service.Name, byText.EmotionalWorker.DisplayName, byEmail.EmotionalWorker.DisplayName })
            {
                everything.ShouldNotContain(secret, Case.Insensitive);
            }
        }

        fixture.Notify.Refused.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusedByNotify_IsRecordedAndRetriedLater()
    {
        var to = $"07700 9{Random.Shared.Next(0, 100_000):D5}";
        fixture.Notify.RefuseTo[to] = true;
        var id = await Factory.WithDbAsync(async db =>
        {
            var message = new OutboxMessage { Id = Guid.NewGuid(), Channel = OutboxChannel.TextMessage, To = to, Subject = ReminderWording.Subject, Body = "Body", CreatedAt = Factory.UtcNow, NextAttemptAt = Factory.UtcNow };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        await Factory.Services.GetRequiredService<OutboxSender>().SendBatchAsync(default);

        var failed = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        (failed.SentAt, failed.Attempts).ShouldBe((null, 1));
        failed.LastError.ShouldNotBeNull().ShouldContain("Can't send to this recipient using a team-only API key");
        failed.NextAttemptAt.ShouldNotBeNull().ShouldBeGreaterThan(Factory.UtcNow);
        fixture.Notify.Received.ShouldNotContain(r => r.To == to);
    }

    [Fact]
    public void Wording_GivesTheTimeInTheUk_InSummerAndWinter()
    {
        ReminderWording.Body(new DateTime(2026, 6, 18, 13, 30, 0, DateTimeKind.Utc), AppointmentPlace.Prison, "HMP Brixton", "0300 123 4567")
            .ShouldBe("You have an appointment on Thursday 18 June 2026 at 2:30pm.\nWhere: Prison visit: HMP Brixton\nIf you cannot come or need to change it, call 0300 123 4567.");
        ReminderWording.Body(new DateTime(2026, 12, 3, 13, 30, 0, DateTimeKind.Utc), AppointmentPlace.Phone, null, null)
            .ShouldBe("You have an appointment on Thursday 3 December 2026 at 1:30pm.\nWhere: Phone call");
    }

    private async Task QueueDueAsync() => await Factory.Services.GetRequiredService<AppointmentReminderService>().QueueDueAsync(default);

    private Task<List<OutboxMessage>> MessagesToAsync(string to) =>
        Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).ToListAsync());

    /// <summary>Sends until the messages to these recipients are marked sent (the host's own sender may be sending some of them).</summary>
    private async Task SendAllAsync(params string[] recipients)
    {
        var sender = Factory.Services.GetRequiredService<OutboxSender>();
        for (var i = 0; i < 100; i++)
        {
            await sender.SendBatchAsync(default);
            if (await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => recipients.Contains(m.To) && m.SentAt == null)) == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The reminders were not sent");
    }
}
