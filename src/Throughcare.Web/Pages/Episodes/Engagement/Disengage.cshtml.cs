using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>Marks an engaging or active episode disengaged, with a reason. The episode stays open.</summary>
public sealed class DisengageModel(ThroughcareDbContext db, EngagementService engagement) : ReasonPageModel(db)
{
    protected override string MissingReason => "Enter why the person has disengaged";

    protected override string Done => "disengaged";

    protected override Task<EpisodeOutcome> ChangeAsync(string reason) => engagement.DisengageAsync(InView.Id, Version, reason, HttpContext.RequestAborted);
}
