using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>A form group bound to a model expression: id, name, value, hint and error message handling for every field component.</summary>
public abstract class GovUkFieldTagHelperBase : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    /// <summary>
    /// The field as a path (<c>Input.Answers[3]</c>), for fields in a loop: Razor compiles an indexer in <c>for</c> to a
    /// new delegate on every render, which a form of many rows pays for on each request.
    /// </summary>
    [HtmlAttributeName("for-path")]
    public string? ForPath { get; set; }

    private ModelExpression? _field;

    /// <summary>The bound field, from <c>for</c> or <c>for-path</c>.</summary>
    protected ModelExpression Field => _field ??= For ?? FromPath(ForPath
        ?? throw new InvalidOperationException("A GOV.UK field needs for or for-path."));

    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(Field.Name);

    protected string DisplayName => Field.Metadata.DisplayName ?? Field.Metadata.PropertyName ?? Field.Name;

    /// <summary>The posted text when binding saw one (so rejected input is echoed back), else the model value.</summary>
    protected string? Value => AttemptedValue(FieldName) ?? GovUkHtml.Format(Field.Model);

    protected virtual IEnumerable<string> ErrorKeys => [FieldName];

    /// <summary>Where the error summary links this field's errors; null for <see cref="GovUkHtml.ErrorHref"/>'s choice.</summary>
    protected virtual string? ErrorLink => null;

    /// <summary>The messages shown beside the field: its first error, or, for a field of several files, one a file.</summary>
    protected virtual IReadOnlyList<string> ErrorMessages => GovUkHtml.FirstError(ViewContext.ModelState, ErrorKeys) is { } error ? [error] : [];

    /// <summary>Walks a path of properties, list indexes ("Documents[2].Use") and dictionary keys ("Levels[drugs]") from the view's model.</summary>
    private ModelExpression FromPath(string path)
    {
        var explorer = ViewContext.ViewData.ModelExplorer;
        var metadata = ViewContext.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.ModelBinding.IModelMetadataProvider>();
        foreach (var step in path.Split('.'))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            explorer = explorer.GetExplorerForProperty(bracket < 0 ? step : step[..bracket])
                ?? throw new InvalidOperationException($"{path}: {step} is not a property.");
            if (bracket >= 0 && explorer.Model is System.Collections.IDictionary dictionary)
            {
                // A dictionary keyed by code ("Input.Levels[drugs]"): the entry's value, or none yet.
                var key = step[(bracket + 1)..^1];
                var valueType = explorer.ModelType.GetGenericArguments()[1];
                explorer = new ModelExplorer(metadata, explorer, metadata.GetMetadataForType(valueType), dictionary.Contains(key) ? dictionary[key] : null);
            }
            else if (bracket >= 0)
            {
                var index = int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                var item = explorer.Model is System.Collections.IList list && index < list.Count ? list[index] : null;
                explorer = new ModelExplorer(metadata, explorer, explorer.Metadata.ElementMetadata!, item);
            }
        }

        return new ModelExpression(path, explorer);
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = GovUkHtml.FieldId(FieldName);
        GovUkHtml.NoteRendered(ViewContext.HttpContext, ErrorKeys, ErrorLink);
        var errors = ErrorMessages;
        var inner = new HtmlContentBuilder();
        var describedBy = new List<string>();
        if (!string.IsNullOrEmpty(Hint))
        {
            describedBy.Add(id + "-hint");
            inner.AppendHtml(GovUkHtml.Hint(id + "-hint", Hint));
        }

        for (var i = 0; i < errors.Count; i++)
        {
            var errorId = i == 0 ? id + "-error" : $"{id}-error-{i + 1}";
            describedBy.Add(errorId);
            inner.AppendHtml(GovUkHtml.ErrorMessage(errorId, errors[i]));
        }

        var aria = describedBy.Count > 0 ? string.Join(' ', describedBy) : null;
        inner.AppendHtml(Control(output, id, aria, errors.Count > 0));
        var group = GovUkHtml.Element("div", GovUkHtml.Classes("govuk-form-group", errors.Count == 0 ? null : "govuk-form-group--error"));
        group.InnerHtml.AppendHtml(Compose(id, inner, aria));
        GovUkHtml.Render(output, group);
    }

    protected string? AttemptedValue(string key) =>
        ViewContext.ModelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : null;

    /// <summary>Values of a choice field: posted values when present, else the model's.</summary>
    protected IReadOnlyList<string>? CurrentValues() =>
        GovUkHtml.Values(ViewContext.ModelState.TryGetValue(FieldName, out var entry)
            ? entry.RawValue ?? entry.AttemptedValue
            : Field.Model);

    /// <summary>The input element(s); <paramref name="describedBy"/> is null when there is no hint or error.</summary>
    protected abstract IHtmlContent Control(TagHelperOutput output, string id, string? describedBy, bool hasError);

    /// <summary>Places the label or legend around hint, error and control.</summary>
    protected abstract IHtmlContent Compose(string id, IHtmlContent inner, string? describedBy);
}

/// <summary>A field with a single control and a label: input, textarea, select.</summary>
public abstract class GovUkLabelledFieldTagHelperBase : GovUkFieldTagHelperBase
{
    public string? Label { get; set; }

    public string? LabelClass { get; set; }

    public bool LabelIsPageHeading { get; set; }

    protected override IHtmlContent Compose(string id, IHtmlContent inner, string? describedBy) =>
        new HtmlContentBuilder()
            .AppendHtml(GovUkHtml.Label(id, Label ?? DisplayName, LabelClass, LabelIsPageHeading))
            .AppendHtml(inner);

    protected TagBuilder NewControl(string tag, string classes, string id, string? describedBy)
    {
        var control = GovUkHtml.WithId(GovUkHtml.Element(tag, classes), id);
        control.MergeAttribute("name", FieldName);
        GovUkHtml.SetIfValue(control, "aria-describedby", describedBy);
        return control;
    }
}

/// <summary>A field made of several controls grouped by a fieldset and legend: radios, checkboxes, date input.</summary>
public abstract class GovUkFieldsetFieldTagHelperBase : GovUkFieldTagHelperBase
{
    public string? Legend { get; set; }

    public string? LegendClass { get; set; }

    public bool LegendIsPageHeading { get; set; }

    /// <summary>"group" for text inputs so that JAWS reads the description; radios and checkboxes need none.</summary>
    protected virtual string? FieldsetRole => null;

    protected override IHtmlContent Compose(string id, IHtmlContent inner, string? describedBy) =>
        GovUkHtml.Fieldset(Legend ?? DisplayName, LegendClass, LegendIsPageHeading, describedBy, FieldsetRole, inner);
}
