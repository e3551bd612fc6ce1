using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Storage;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
[UploadSizeLimit]
public sealed class DocumentsModel(ThroughcareDbContext db, ReferralService referrals, IConfiguration configuration)
    : ReferralJourneyModel(db, referrals)
{
    [BindProperty]
    public string? DocumentType { get; set; }

    /// <summary>The chosen files: the input takes several at once.</summary>
    [BindProperty]
    public List<IFormFile> Upload { get; set; } = [];

    [BindProperty]
    public Guid DocumentId { get; set; }

    public UploadLimits Limits { get; } = UploadLimits.From(configuration);

    /// <summary>The service's document types first, then any other type a referral may carry.</summary>
    public IEnumerable<SelectListItem> DocumentTypeItems => Referral.Service!.Documents
        .OrderByDescending(d => d.Required).Select(d => d.DocumentType)
        .Concat(DocumentTypes.All.Select(t => t.Code)).Distinct()
        .Select(code => new SelectListItem(DocumentTypes.All.LabelFor(code) ?? code, code));

    public Task OnGetAsync() => LoadAsync();

    /// <summary>
    /// Stores each chosen file that passes its checks, one write each, and explains each that does not beside the file
    /// field: a bad file never costs the person the good ones, which a browser could not keep chosen.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (DocumentTypes.All.LabelFor(DocumentType) is null)
        {
            ModelState.AddModelError(nameof(DocumentType), "Select the type of document");
        }

        var files = Upload.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var stored = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var (error, kind) = await CheckAsync(files[i], files.Count > 1);
            if (error is not null)
            {
                // One key per file, so the error summary lists each; a single file keeps the field's own key.
                ModelState.AddModelError(files.Count > 1 ? $"{nameof(Upload)}[{i}]" : nameof(Upload), error);
                continue;
            }

            await using var content = files[i].OpenReadStream();
            var result = await Referrals.AddDocumentAsync(Referral.Id, Version, DocumentType!, UploadLimits.SafeFileName(files[i].FileName), kind!, content, HttpContext.RequestAborted);
            if (result is not WriteResult.Done)
            {
                return await AnswerAsync(result, "/Referrals/Documents");
            }

            stored++;
            Version = await Db.Referrals.Where(r => r.Id == Referral.Id).Select(r => r.Version).SingleAsync(HttpContext.RequestAborted);
        }

        if (ModelState.IsValid)
        {
            return await AnswerAsync(new WriteResult.Done(Referral.Id), "/Referrals/Documents", stored == 1 ? "Document uploaded" : $"{stored} documents uploaded");
        }

        // Show what was stored beside what was refused.
        Version = Guid.Empty;
        await LoadAsync();
        return Page();
    }

    private async Task<(string? Error, FileSignatures.Kind? Kind)> CheckAsync(IFormFile file, bool nameIt)
    {
        var name = UploadLimits.SafeFileName(file.FileName);
        var subject = nameIt ? name : "The selected file";
        if (file.Length == 0)
        {
            return ($"{subject} is empty", null);
        }

        if (file.Length > Limits.MaxBytes)
        {
            return ($"{subject} must be smaller than {Limits.MaxSizeText}", null);
        }

        var head = new byte[8];
        await using var peek = file.OpenReadStream();
        var read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, HttpContext.RequestAborted);
        var kind = FileSignatures.Detect(head.AsSpan(0, read), file.FileName);
        return kind is null ? ($"{subject} must be {FileSignatures.Allowed}", null) : (null, kind);
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await LoadAsync();
        var result = await Referrals.RemoveDocumentAsync(Referral.Id, Version, DocumentId, HttpContext.RequestAborted);
        return await AnswerAsync(result, "/Referrals/Documents", "Document removed");
    }
}
