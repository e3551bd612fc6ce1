using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

public static class StrandTestData
{
    public static Dictionary<string, string> AddForm(Guid serviceStrandId, Guid workerId, string reason) => new()
    {
        ["Input.ServiceStrandId"] = serviceStrandId.ToString(),
        ["Input.WorkerUserId"] = workerId.ToString(),
        ["Input.Reason"] = reason,
    };

    public static Task<List<EpisodeStrand>> StrandsAsync(ThroughcareFactory factory, EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.EpisodeStrands.AsNoTracking().Where(s => s.EpisodeId == scenario.Episode.Id).ToListAsync());
}
