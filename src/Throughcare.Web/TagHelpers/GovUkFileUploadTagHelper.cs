using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>
/// A file upload. With <c>multiple</c> it takes several files; each refused file has its own error under the key
/// <c>{name}[i]</c>, all shown beside the field and each linked from the error summary to it.
/// </summary>
[HtmlTargetElement("govuk-file-upload")]
public sealed class GovUkFileUploadTagHelper : GovUkLabelledFieldTagHelperBase
{
    public bool Multiple { get; set; }

    public string? Accept { get; set; }

    protected override IEnumerable<string> ErrorKeys =>
    [
        FieldName,
        .. ViewContext.ModelState.Keys.Where(k => k.StartsWith(FieldName + "[", StringComparison.Ordinal) && k.EndsWith(']')).OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal),
    ];

    protected override string? ErrorLink => "#" + GovUkHtml.FieldId(FieldName);

    protected override IReadOnlyList<string> ErrorMessages => ErrorKeys
        .Select(k => ViewContext.ModelState.TryGetValue(k, out var e) && e.Errors.Count > 0 ? GovUkHtml.ErrorText(e.Errors[0]) : null)
        .OfType<string>().ToList();

    protected override IHtmlContent Control(TagHelperOutput output, string id, string? describedBy, bool hasError)
    {
        var input = NewControl("input", GovUkHtml.Classes("govuk-file-upload", hasError ? "govuk-file-upload--error" : null), id, describedBy);
        input.TagRenderMode = TagRenderMode.StartTag;
        input.MergeAttribute("type", "file");
        GovUkHtml.SetIfValue(input, "multiple", Multiple ? "multiple" : null);
        GovUkHtml.SetIfValue(input, "accept", Accept);
        return input;
    }
}
