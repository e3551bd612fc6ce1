using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.ReferenceData;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Storage;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
[UploadSizeLimit]
public sealed class DocumentsModel(ThroughcareDbContext db, ReferralService referrals, IConfiguration configuration)
    : ReferralJourneyModel(db, referrals)
{
    [BindProperty]
    public string? DocumentType { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public Guid DocumentId { get; set; }

    public UploadLimits Limits { get; } = UploadLimits.From(configuration);

    /// <summary>The service's document types first, then any other type a referral may carry.</summary>
    public IEnumerable<SelectListItem> DocumentTypeItems => Referral.Service!.Documents
        .OrderByDescending(d => d.Required).Select(d => d.DocumentType)
        .Concat(DocumentTypes.All.Select(t => t.Code)).Distinct()
        .Select(code => new SelectListItem(DocumentTypes.All.LabelFor(code) ?? code, code));

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (DocumentTypes.All.LabelFor(DocumentType) is null)
        {
            ModelState.AddModelError(nameof(DocumentType), "Select the type of document");
        }

        var error = Upload switch
        {
            null => "Select a file",
            { Length: 0 } => "The selected file is empty",
            { Length: var length } when length > Limits.MaxBytes => $"The selected file must be smaller than {Limits.MaxSizeText}",
            _ => null,
        };
        FileSignatures.Kind? kind = null;
        if (error is null)
        {
            var head = new byte[8];
            await using var peek = Upload!.OpenReadStream();
            var read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, HttpContext.RequestAborted);
            kind = FileSignatures.Detect(head.AsSpan(0, read), Upload.FileName);
            error = kind is null ? $"The selected file must be {FileSignatures.Allowed}" : null;
        }

        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var content = Upload!.OpenReadStream();
        var result = await Referrals.AddDocumentAsync(Referral.Id, Version, DocumentType!, UploadLimits.SafeFileName(Upload.FileName), kind!, content, HttpContext.RequestAborted);
        return await AnswerAsync(result, "/Referrals/Documents", "Document uploaded");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await LoadAsync();
        var result = await Referrals.RemoveDocumentAsync(Referral.Id, Version, DocumentId, HttpContext.RequestAborted);
        return await AnswerAsync(result, "/Referrals/Documents", "Document removed");
    }
}
