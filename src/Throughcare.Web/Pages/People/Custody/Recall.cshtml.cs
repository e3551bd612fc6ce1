using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Custody;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>Record a recall to custody: a new period opens, linked to the licence it follows, with its own journey.</summary>
public sealed class RecallModel(CustodyService custody) : CustodyChangeModel(custody)
{
    [BindProperty]
    public RecallInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    protected override string Done => "Recall recorded: a new period in custody is open";

    protected override void Fill(CustodyPeriod period) => Input = new RecallInput { PrisonId = period.CurrentPrisonId };

    protected override ValidationResult Validate(CustodyRules rules) => rules.Validate(Input, Period);

    protected override Task<WriteResult> WriteAsync() => Custody.RecallAsync(InView.Id, Version, SubmissionId, Input, HttpContext.RequestAborted);
}
