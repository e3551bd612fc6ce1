using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Custody;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>Record a move to another prison, including a progressive move to open conditions and a move back; the prison gains a role in their care.</summary>
public sealed class MoveModel(CustodyService custody) : CustodyChangeModel(custody)
{
    [BindProperty]
    public MoveInput Input { get; set; } = new();

    protected override string Done => "Move recorded";

    protected override ValidationResult Validate(CustodyRules rules) => rules.Validate(Input, Period);

    protected override Task<WriteResult> WriteAsync() => Custody.MoveAsync(InView.Id, Version, Input, HttpContext.RequestAborted);
}
