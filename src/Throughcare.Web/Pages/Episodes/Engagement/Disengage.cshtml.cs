using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>Marks an engaging or active episode disengaged, with a reason. The episode stays open.</summary>
public sealed class DisengageModel(ThroughcareDbContext db, EngagementService engagement) : ReasonPageModel(db)
{
    protected override EpisodeState Becomes => EpisodeState.Disengaged;

    protected override string MissingReason => "Enter why the person has disengaged";

    protected override string Flash => "The episode is marked disengaged";

    protected override Task<WriteResult> ChangeAsync(string reason) => engagement.DisengageAsync(InView.Id, Version, reason, HttpContext.RequestAborted);
}
