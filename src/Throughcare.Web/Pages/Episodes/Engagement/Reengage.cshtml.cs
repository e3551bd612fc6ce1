using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>A disengaged person has come back: the episode is active again.</summary>
public sealed class ReengageModel(ThroughcareDbContext db, EngagementService engagement) : ReasonPageModel(db)
{
    protected override EpisodeState Becomes => EpisodeState.Active;

    protected override string MissingReason => "Enter how the person re-engaged";

    protected override string Flash => "The episode is active again";

    protected override Task<WriteResult> ChangeAsync(string reason) => engagement.ReengageAsync(InView.Id, Version, reason, HttpContext.RequestAborted);
}
