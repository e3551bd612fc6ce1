using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Appointments;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Notifications;

/// <summary>An IEmailSender that records what it is asked to send, and fails for addresses it is told to refuse.</summary>
public sealed class FakeEmailSender : IEmailSender
{
    public ConcurrentQueue<(string To, string Subject, string Body)> Sent { get; } = new();

    public ConcurrentDictionary<string, bool> Refuse { get; } = new();

    public TimeSpan Delay { get; set; }

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken);
        if (Refuse.ContainsKey(to))
        {
            throw new MailKit.Net.Smtp.SmtpCommandException(MailKit.Net.Smtp.SmtpErrorCode.RecipientNotAccepted, MailKit.Net.Smtp.SmtpStatusCode.MailboxUnavailable, "Mailbox unavailable");
        }

        Sent.Enqueue((to, subject, body));
    }
}

public sealed class FakeEmailFactory : ThroughcareFactory
{
    public FakeEmailSender Sender { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(Sender);
        });
    }
}

/// <summary>A host whose outbox sends to a real SMTP server on this machine.</summary>
public sealed class SmtpFactory(int port) : ThroughcareFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throughcare:Email:SmtpHost"] = "127.0.0.1",
        ["Throughcare:Email:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Throughcare:Email:From"] = "throughcare@example.test",
        ["Throughcare:Email:PollInterval"] = "00:00:00.200",
    };
}

public sealed class EmailTests(FakeEmailFactory factory) : IClassFixture<FakeEmailFactory>
{
    private readonly ReferralTestData _referrals = new(factory);

    [Fact]
    public async Task Referrer_IsEmailedOnAcknowledgementInformationRequestAndDecision_AndWorkerOnAllocation()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Draft);
        var worker = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");

        (await AsAsync(factory, s.Referrer, r => r.SubmitAsync(s.Referral.Id, s.Referral.Version, default))).ShouldBeOfType<WriteResult.Done>();
        (await AsAsync(factory, s.Manager, async r => await r.StartScreeningAsync(s.Referral.Id, await VersionAsync(s.Referral.Id), default))).ShouldBeOfType<WriteResult.Done>();
        (await AsAsync(factory, s.Manager, async r => await r.RequestInformationAsync(s.Referral.Id, await VersionAsync(s.Referral.Id), "Send the risk assessment", default))).ShouldBeOfType<WriteResult.Done>();
        (await AsAsync(factory, s.Referrer, async r => await r.SubmitAsync(s.Referral.Id, await VersionAsync(s.Referral.Id), default))).ShouldBeOfType<WriteResult.Done>();
        (await AsAsync(factory, s.Manager, async r => await r.StartScreeningAsync(s.Referral.Id, await VersionAsync(s.Referral.Id), default))).ShouldBeOfType<WriteResult.Done>();
        (await AsAsync(factory, s.Manager, async r => await r.AcceptAsync(s.Referral.Id, await VersionAsync(s.Referral.Id), null, default))).ShouldBeOfType<WriteResult.Done>();
        (await AsAsync(factory, s.Manager, async r => await r.AllocateAsync(s.Referral.Id, await VersionAsync(s.Referral.Id), [new StrandAllocation(s.Service.Strands[0].Id, worker.Id, "Top suggestion")], default))).ShouldBeOfType<WriteResult.Done>();

        while (await factory.Services.GetRequiredService<OutboxSender>().SendBatchAsync(default) > 0)
        {
        }

        factory.Sender.Sent.Where(m => m.To == s.Referrer.Email).Select(m => m.Subject)
            .ShouldBe(["Referral received", "More information needed for your referral", "Referral received", "Referral accepted"]);
        factory.Sender.Sent.Single(m => m.Subject == "More information needed for your referral" && m.To == s.Referrer.Email).Body.ShouldContain("Send the risk assessment");
        factory.Sender.Sent.ShouldContain(m => m.To == worker.Email && m.Subject == "New allocation in Throughcare");
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => (m.To == s.Referrer.Email || m.To == worker.Email) && m.SentAt == null))).ShouldBe(0);
    }

    [Fact]
    public async Task FailedSend_IsRetriedLater()
    {
        var to = $"refused-{Guid.NewGuid():N}@example.test";
        var id = await QueueAsync(to, "Will fail once");
        factory.Sender.Refuse[to] = true;
        var sender = factory.Services.GetRequiredService<OutboxSender>();

        await sender.SendBatchAsync(default);

        var failed = await FindAsync(id);
        (failed.SentAt, failed.Attempts, failed.LastError).ShouldBe((null, 1, "Mailbox unavailable"));
        failed.NextAttemptAt.ShouldNotBeNull().ShouldBeGreaterThan(factory.UtcNow);
        factory.Sender.Refuse.TryRemove(to, out _);
        await sender.SendBatchAsync(default);
        (await FindAsync(id)).SentAt.ShouldBeNull("not before its next attempt is due");

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await sender.SendBatchAsync(default);

        var sent = await FindAsync(id);
        sent.SentAt.ShouldNotBeNull();
        factory.Sender.Sent.Count(m => m.To == to).ShouldBe(1);
    }

    [Fact]
    public async Task TwoSendersAtOnce_NeverSendAMessageTwice()
    {
        var to = $"many-{Guid.NewGuid():N}@example.test";
        for (var i = 0; i < 15; i++)
        {
            await QueueAsync(to, $"Message {i}");
        }

        factory.Sender.Delay = TimeSpan.FromMilliseconds(20);
        var one = factory.Services.GetRequiredService<OutboxSender>();
        var two = ActivatorUtilities.CreateInstance<OutboxSender>(factory.Services);
        try
        {
            await Task.WhenAll(Drain(one), Drain(two));
        }
        finally
        {
            factory.Sender.Delay = TimeSpan.Zero;
        }

        factory.Sender.Sent.Where(m => m.To == to).Select(m => m.Subject).Order().ShouldBe(Enumerable.Range(0, 15).Select(i => $"Message {i}").Order());
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == to && m.SentAt == null))).ShouldBe(0);

        static async Task Drain(OutboxSender sender)
        {
            while (await sender.SendBatchAsync(default) > 0)
            {
            }
        }
    }

    [Fact]
    public Task RealSmtpServer_ReceivesTheMessage() => WithSmtpServerAsync(async (smtp, mailbox) =>
        {
            var to = $"smtp-{Guid.NewGuid():N}@example.test";
            var subject = TestData.Unique("Referral received");
            await smtp.WithDbAsync(async db =>
            {
                db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), To = to, Subject = subject, Body = "Your referral has been received.", CreatedAt = smtp.UtcNow, NextAttemptAt = smtp.UtcNow });
                return await db.SaveChangesAsync();
            });

            await smtp.Services.GetRequiredService<OutboxSender>().SendBatchAsync(default);

            var received = await ReadMailboxAsync(mailbox, subject);
            received.ShouldContain($"X-Envelope-To: {to}");
            received.ShouldContain("Subject: " + subject);
            received.ShouldContain("From: throughcare@example.test");
            (await smtp.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == to))).SentAt.ShouldNotBeNull();
        });

    [Fact]
    public async Task TextMessage_WithoutNotify_IsLeftUnsentWithAClearError_AndNotRetried()
    {
        var to = $"07700 9{Random.Shared.Next(0, 100_000):D5}";
        var id = await factory.WithDbAsync(async db =>
        {
            var message = new OutboxMessage { Id = Guid.NewGuid(), Channel = OutboxChannel.TextMessage, To = to, Subject = "Appointment reminder", Body = "Body", CreatedAt = factory.UtcNow, NextAttemptAt = factory.UtcNow };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        var sender = factory.Services.GetRequiredService<OutboxSender>();

        await sender.SendBatchAsync(default);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await sender.SendBatchAsync(default);

        var unsent = await FindAsync(id);
        (unsent.SentAt, unsent.Attempts, unsent.LastError, unsent.NextAttemptAt).ShouldBe((null, 1, OutboxSender.TextMessagesNeedNotify, null));
        factory.Sender.Sent.ShouldNotContain(m => m.To == to);
    }

    [Fact]
    public Task ReminderByEmail_WithoutNotify_ReachesTheSmtpServer() => WithSmtpServerAsync(async (smtp, mailbox) =>
        {
            var s = await AppointmentRows.ScenarioAsync(smtp);
            await AppointmentRows.PreferAsync(smtp, s, consents: true, ReminderChannel.Email);
            var (email, _) = await AppointmentRows.ContactAsync(smtp, s);
            await AppointmentRows.AddAsync(smtp, s, smtp.UtcNow.AddHours(3));

            await smtp.Services.GetRequiredService<AppointmentReminderService>().QueueDueAsync(default);
            await smtp.Services.GetRequiredService<OutboxSender>().SendBatchAsync(default);

            var received = await ReadMailboxAsync(mailbox, $"X-Envelope-To: {email}");
            received.ShouldContain("Subject: " + ReminderWording.Subject);
            received.ShouldContain("Where: Prison visit: HMP Brixton");
            received.ShouldNotContain("Secretname");
        });

    /// <summary>Runs the work against a host whose outbox sends to a real SMTP server (aiosmtpd) writing to a mailbox file.</summary>
    private static async Task WithSmtpServerAsync(Func<SmtpFactory, string, Task> work)
    {
        var port = FreePort();
        var mailbox = Path.Combine(Path.GetTempPath(), $"throughcare-mailbox-{Guid.NewGuid():N}.txt");
        using var server = StartSmtpServer(port, mailbox);
        try
        {
            await WaitForPortAsync(port);
            await using var smtp = new SmtpFactory(port);
            await work(smtp, mailbox);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            File.Delete(mailbox);
        }
    }

    /// <summary>Runs a ReferralService use case as this member of staff, as a request would.</summary>
    public static Task<T> AsAsync<T>(ThroughcareFactory factory, TestUser user, Func<ReferralService, Task<T>> work) =>
        StaffScope.RunAsAsync(factory, user, services => work(services.GetRequiredService<ReferralService>()));

    private Task<Guid> VersionAsync(Guid referralId) => factory.WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.Version).SingleAsync());

    private Task<Guid> QueueAsync(string to, string subject) => factory.WithDbAsync(async db =>
    {
        var now = factory.UtcNow;
        var message = new OutboxMessage { Id = Guid.NewGuid(), To = to, Subject = subject, Body = "Body", CreatedAt = now, NextAttemptAt = now };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private Task<OutboxMessage> FindAsync(Guid id) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process StartSmtpServer(int port, string mailbox, [CallerFilePath] string here = "")
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "mailbox.Mailbox"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = Path.GetDirectoryName(here)!;
        start.Environment["MAILBOX_FILE"] = mailbox;
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd");
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on port {port} (is python3-aiosmtpd installed?)");
    }

    private static async Task<string> ReadMailboxAsync(string mailbox, string subject)
    {
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(mailbox) && await File.ReadAllTextAsync(mailbox) is var text && text.Contains(subject, StringComparison.Ordinal))
            {
                return text;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The message did not reach the SMTP server");
    }
}
