using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>
/// What waits for a manager in one of their services, each count read by the rule of the list it links to: the sift's
/// states and <see cref="ReferralQueues.AwaitingAllocation"/>, and the team caseloads' closing episodes and full
/// caseloads (<see cref="TeamCaseload"/>).
/// </summary>
public sealed record ServiceWork(Guid ServiceId, string Name, int WaitingForSift, int InScreening, int AwaitingInformation, int AwaitingAllocation, int Closing, int FullWorkers)
{
    /// <summary>The services the user sifts, by name, each with what is waiting in it.</summary>
    public static async Task<IReadOnlyList<ServiceWork>> LoadAsync(
        ThroughcareDbContext db, ServiceAccess services, ReferralAccess referrals, TimeProvider time, CancellationToken cancellationToken)
    {
        var sifted = await services.Sifted().AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var today = Display.Today(time);
        var work = new List<ServiceWork>();
        foreach (var service in sifted)
        {
            var sent = referrals.SentTo(service.Id).AsNoTracking();
            var counts = await ReferralQueues.CountByStateAsync(sent, cancellationToken);
            var awaitingAllocation = await sent.CountAsync(ReferralQueues.AwaitingAllocation, cancellationToken);
            var team = await TeamCaseload.LoadAsync(db, service.Id, now, today, cancellationToken);
            work.Add(new ServiceWork(
                service.Id,
                service.Name,
                counts[ReferralState.Submitted],
                counts[ReferralState.Screening],
                counts[ReferralState.AwaitingInformation],
                awaitingAllocation,
                team.Rows.Count(CaseloadFilter.Closing, today),
                team.FullWorkers.Count()));
        }

        return work;
    }
}
