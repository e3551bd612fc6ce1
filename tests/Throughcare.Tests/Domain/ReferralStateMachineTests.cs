using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Notifications;

namespace Throughcare.Tests.Domain;

public sealed class ReferralStateMachineTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static readonly HashSet<(ReferralState, ReferralState)> Allowed =
    [
        (ReferralState.Draft, ReferralState.Submitted),
        (ReferralState.Draft, ReferralState.Withdrawn),
        (ReferralState.Submitted, ReferralState.Screening),
        (ReferralState.Submitted, ReferralState.AwaitingInformation),
        (ReferralState.Submitted, ReferralState.Withdrawn),
        (ReferralState.AwaitingInformation, ReferralState.Submitted),
        (ReferralState.AwaitingInformation, ReferralState.Withdrawn),
        (ReferralState.Screening, ReferralState.Accepted),
        (ReferralState.Screening, ReferralState.Declined),
        (ReferralState.Screening, ReferralState.AwaitingInformation),
        (ReferralState.Screening, ReferralState.Withdrawn),
    ];

    private readonly ReferralTestData _referrals = new(factory);

    public static TheoryData<ReferralState, ReferralState> AllPairs()
    {
        var data = new TheoryData<ReferralState, ReferralState>();
        foreach (var from in Enum.GetValues<ReferralState>())
        {
            foreach (var to in Enum.GetValues<ReferralState>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMove_AllowsExactlyTheLifeCycle(ReferralState from, ReferralState to) =>
        ReferralStates.CanMove(from, to).ShouldBe(Allowed.Contains((from, to)));

    [Fact]
    public void DecidedReferrals_AreClosed() =>
        Enum.GetValues<ReferralState>().Where(s => !ReferralStates.IsOpen(s)).ShouldBe([ReferralState.Accepted, ReferralState.Declined, ReferralState.Withdrawn]);

    public enum Operation { Submit, StartScreening, RequestInformation, Accept, Decline, Withdraw }

    public static TheoryData<Operation, ReferralState> OperationsFromEveryState()
    {
        var data = new TheoryData<Operation, ReferralState>();
        foreach (var operation in Enum.GetValues<Operation>())
        {
            foreach (var from in Enum.GetValues<ReferralState>())
            {
                data.Add(operation, from);
            }
        }

        return data;
    }

    /// <summary>Through the service: an allowed move records its transition and audit row; a refused one writes nothing.</summary>
    [Theory]
    [MemberData(nameof(OperationsFromEveryState))]
    public async Task Service_MovesOnlyWhereTheLifeCycleAllows(Operation operation, ReferralState from)
    {
        var s = await _referrals.CreateScenarioAsync(from);
        var target = operation switch
        {
            Operation.Submit => ReferralState.Submitted,
            Operation.StartScreening => ReferralState.Screening,
            Operation.RequestInformation => ReferralState.AwaitingInformation,
            Operation.Accept => ReferralState.Accepted,
            Operation.Decline => ReferralState.Declined,
            _ => ReferralState.Withdrawn,
        };
        var actor = operation is Operation.Submit or Operation.Withdraw ? s.Referrer : s.Manager;
        var id = s.Referral.Id;
        var version = s.Referral.Version;

        var outcome = await EmailTests.AsAsync(factory, actor, r => operation switch
        {
            Operation.Submit => r.SubmitAsync(id, version, default),
            Operation.StartScreening => r.StartScreeningAsync(id, version, default),
            Operation.RequestInformation => r.RequestInformationAsync(id, version, "Send the latest OASys", default),
            Operation.Accept => r.AcceptAsync(id, version, null, default),
            Operation.Decline => r.DeclineAsync(id, version, ReferralCloseReason.NotEligible, null, null, default),
            _ => r.WithdrawAsync(id, version, ReferralCloseReason.MovedAway, null, default),
        });

        var after = await factory.WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.Transitions).SingleAsync(r => r.Id == id));
        var audits = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Referral && a.RecordId == id.ToString()));
        var mails = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == s.Referrer.Email));
        if (actor == s.Manager && from is ReferralState.Draft or ReferralState.Declined or ReferralState.Withdrawn)
        {
            // The receiving organisation never sees a draft, and loses the referral once it is declined or withdrawn.
            outcome.ShouldBeOfType<WriteResult.NotFound>();
            after.State.ShouldBe(from);
            after.Transitions.ShouldBeEmpty();
            audits.ShouldBe(0);
            mails.ShouldBe(0);
        }
        else if (ReferralStates.CanMove(from, target))
        {
            outcome.ShouldBeOfType<WriteResult.Done>();
            after.State.ShouldBe(target);
            after.Transitions.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                t => t.From.ShouldBe(from),
                t => t.To.ShouldBe(target),
                t => t.ByUserId.ShouldBe(actor.Id));
            audits.ShouldBeGreaterThan(0);
            after.Version.ShouldNotBe(version);
        }
        else
        {
            outcome.ShouldBeOfType<WriteResult.Refused>();
            after.State.ShouldBe(from);
            after.Transitions.ShouldBeEmpty();
            after.Version.ShouldBe(version);
            audits.ShouldBe(0);
            mails.ShouldBe(0);
        }
    }

    public static TheoryData<Operation, ReferralState> EmailingOperations => new()
    {
        { Operation.Submit, ReferralState.Draft },
        { Operation.RequestInformation, ReferralState.Screening },
        { Operation.Accept, ReferralState.Screening },
        { Operation.Decline, ReferralState.Screening },
    };

    /// <summary>
    /// A change and the e-mail it sends are saved in one unit of work: when saving fails, neither is left behind (not the
    /// change without its e-mail), and when it succeeds both are there, the e-mail once.
    /// </summary>
    [Theory]
    [MemberData(nameof(EmailingOperations))]
    public async Task Service_ChangeAndItsEmail_AreSavedTogetherOrNotAtAll(Operation operation, ReferralState from)
    {
        var s = await _referrals.CreateScenarioAsync(from);
        var actor = operation == Operation.Submit ? s.Referrer : s.Manager;
        var id = s.Referral.Id;
        Task<WriteResult> Run(ReferralService r) => operation switch
        {
            Operation.Submit => r.SubmitAsync(id, s.Referral.Version, default),
            Operation.RequestInformation => r.RequestInformationAsync(id, s.Referral.Version, "Send the latest OASys", default),
            Operation.Accept => r.AcceptAsync(id, s.Referral.Version, null, default),
            _ => r.DeclineAsync(id, s.Referral.Version, ReferralCloseReason.NotEligible, null, null, default),
        };

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => StaffScope.RunAsAsync(factory, actor, services =>
        {
            var db = services.GetRequiredService<ThroughcareDbContext>();
            db.SavingChanges += (_, _) =>
            {
                if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
                {
                    throw new InvalidOperationException("Saving the e-mail failed");
                }
            };
            return Run(services.GetRequiredService<ReferralService>());
        }));

        failure.Message.ShouldBe("Saving the e-mail failed");
        var unchanged = await factory.WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.Transitions).SingleAsync(r => r.Id == id));
        (unchanged.State, unchanged.Version).ShouldBe((from, s.Referral.Version));
        unchanged.Transitions.ShouldBeEmpty();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.AggregateId == id))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == s.Referrer.Email))).ShouldBe(0);

        var done = await EmailTests.AsAsync(factory, actor, Run);

        done.ShouldBeOfType<WriteResult.Done>();
        var changed = await factory.WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.Transitions).SingleAsync(r => r.Id == id));
        changed.State.ShouldNotBe(from);
        changed.Transitions.ShouldHaveSingleItem();
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == s.Referrer.Email))).ShouldBe(1);
    }

    [Fact]
    public async Task Service_StaleVersion_IsAConflictAndWritesNothing()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);

        var outcome = await EmailTests.AsAsync(factory, s.Manager, r => r.AcceptAsync(s.Referral.Id, Guid.NewGuid(), null, default));

        outcome.ShouldBeOfType<WriteResult.Conflict>();
        (await factory.WithDbAsync(db => db.Referrals.SingleAsync(r => r.Id == s.Referral.Id))).State.ShouldBe(ReferralState.Screening);
    }

    [Fact]
    public async Task Service_TwoAllocationsAtOnce_OpenOneEpisode()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        var worker = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        StrandAllocation[] allocation = [new(s.Service.Strands[0].Id, worker.Id, "Top suggestion")];

        var outcomes = await Task.WhenAll(
            Task.Run(() => EmailTests.AsAsync(factory, s.Manager, r => r.AllocateAsync(s.Referral.Id, s.Referral.Version, allocation, default))),
            Task.Run(() => EmailTests.AsAsync(factory, s.Manager, r => r.AllocateAsync(s.Referral.Id, s.Referral.Version, allocation, default))));

        outcomes.Count(o => o is WriteResult.Done).ShouldBe(1);
        outcomes.Count(o => o is WriteResult.Conflict).ShouldBe(1);
        (await factory.WithDbAsync(db => db.Episodes.CountAsync(e => e.ReferralId == s.Referral.Id))).ShouldBe(1);
    }
}
