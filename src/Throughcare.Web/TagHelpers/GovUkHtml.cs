using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>Markup and naming shared by every GOV.UK tag helper, so ids, hints and errors agree across components.</summary>
public static class GovUkHtml
{
    private static readonly string[] DatePartNames = ["Day", "Month", "Year"];

    /// <summary>The element id for a model expression name; the error summary links to the same id.</summary>
    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "_") ?? string.Empty;

    /// <summary>The error summary target for a ModelState key: date inputs are reached through their day box.</summary>
    public static string ErrorHref(ModelStateDictionary modelState, string key)
    {
        if (IsDateParts(modelState, key))
        {
            return "#" + FieldId(key) + "-day";
        }

        var dot = key.LastIndexOf('.');
        if (dot > 0 && DatePartNames.Contains(key[(dot + 1)..]) && IsDateParts(modelState, key[..dot]))
        {
            return "#" + FieldId(key[..dot]) + "-" + key[(dot + 1)..].ToLowerInvariant();
        }

        return "#" + FieldId(key);
    }

    private static readonly object RenderedFields = new();

    /// <summary>
    /// Records, in the order the form renders them, the ModelState keys a field shows errors for (and, if it chooses,
    /// where the error summary should link them): the summary, rendered by the layout after the page, lists errors in
    /// this order, which is the order of the fields on the form.
    /// </summary>
    public static void NoteRendered(HttpContext http, IEnumerable<string> keys, string? href)
    {
        if (http.Items[RenderedFields] is not Dictionary<string, (int Position, string? Href)> rendered)
        {
            http.Items[RenderedFields] = rendered = new Dictionary<string, (int, string?)>(StringComparer.Ordinal);
        }

        foreach (var key in keys)
        {
            rendered.TryAdd(key, (rendered.Count, href));
        }
    }

    /// <summary>Where a key's field was rendered on this page, if it was (see <see cref="NoteRendered"/>).</summary>
    public static (int Position, string? Href)? Rendered(HttpContext http, string key) =>
        http.Items[RenderedFields] is Dictionary<string, (int Position, string? Href)> rendered && rendered.TryGetValue(key, out var field) ? field : null;

    public static IEnumerable<string> DatePartKeys(string key) => DatePartNames.Select(p => key + "." + p);

    public static string? FirstError(ModelStateDictionary modelState, IEnumerable<string> keys) =>
        keys.Select(k => modelState.TryGetValue(k, out var e) && e.Errors.Count > 0 ? ErrorText(e.Errors[0]) : null)
            .FirstOrDefault(m => m is not null);

    public static string ErrorText(ModelError error) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;

    public static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The values a bound choice currently holds, or null when nothing (neither posted nor model) supplies any.</summary>
    public static IReadOnlyList<string>? Values(object? source) => source switch
    {
        null => null,
        string s => [s],
        IEnumerable e => e.Cast<object?>().Select(Format).OfType<string>().ToList(),
        _ => [Format(source)!],
    };

    public static bool IsSelected(SelectListItem item, IReadOnlyList<string>? current) =>
        current is null ? item.Selected : current.Contains(item.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the selected/checked and disabled boolean attributes of an option or choice input.</summary>
    public static void SetFlags(TagBuilder element, string selectedAttribute, bool selected, bool disabled)
    {
        SetIfValue(element, selectedAttribute, selected ? selectedAttribute : null);
        SetIfValue(element, "disabled", disabled ? "disabled" : null);
    }

    public static string Classes(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    public static TagBuilder Element(string tag, string? classes, string? text = null)
    {
        var element = new TagBuilder(tag);
        if (!string.IsNullOrWhiteSpace(classes))
        {
            element.Attributes["class"] = classes;
        }

        if (text is not null)
        {
            element.InnerHtml.Append(text);
        }

        return element;
    }

    public static TagBuilder Link(string? href, string classes, string? text = null)
    {
        var link = Element("a", classes, text);
        link.MergeAttribute("href", href ?? "#");
        return link;
    }

    public static TagBuilder Hint(string id, string text) => WithId(Element("div", "govuk-hint", text), id);

    public static TagBuilder ErrorMessage(string id, string message)
    {
        var p = WithId(Element("p", "govuk-error-message"), id);
        p.InnerHtml.AppendHtml(Element("span", "govuk-visually-hidden", "Error:")).Append(" " + message);
        return p;
    }

    public static IHtmlContent Label(string forId, string text, string? classes, bool isPageHeading)
    {
        var label = Element("label", Classes("govuk-label", classes), text);
        label.MergeAttribute("for", forId);
        return isPageHeading ? Wrap(Element("h1", "govuk-label-wrapper"), label) : label;
    }

    public static TagBuilder Fieldset(string? legend, string? legendClass, bool isPageHeading, string? describedBy, string? role, IHtmlContent content)
    {
        var fieldset = Element("fieldset", "govuk-fieldset");
        SetIfValue(fieldset, "role", role);
        SetIfValue(fieldset, "aria-describedby", describedBy);
        if (!string.IsNullOrEmpty(legend))
        {
            var legendTag = Element("legend", Classes("govuk-fieldset__legend", legendClass));
            legendTag.InnerHtml.AppendHtml(isPageHeading ? Element("h1", "govuk-fieldset__heading", legend) : new HtmlContentBuilder().Append(legend));
            fieldset.InnerHtml.AppendHtml(legendTag);
        }

        fieldset.InnerHtml.AppendHtml(content);
        return fieldset;
    }

    public static TagBuilder Wrap(TagBuilder parent, params IHtmlContent[] children)
    {
        foreach (var child in children)
        {
            parent.InnerHtml.AppendHtml(child);
        }

        return parent;
    }

    public static TagBuilder WithId(TagBuilder element, string id)
    {
        element.MergeAttribute("id", id);
        return element;
    }

    public static void SetIfValue(TagBuilder element, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            element.MergeAttribute(name, value, replaceExisting: true);
        }
    }

    /// <summary>Makes the tag helper's own element into <paramref name="element"/>, keeping any attributes the author added.</summary>
    public static void Render(TagHelperOutput output, TagBuilder element)
    {
        output.TagName = element.TagName;
        output.TagMode = TagMode.StartTagAndEndTag;
        foreach (var (name, value) in element.Attributes)
        {
            if (name == "class")
            {
                foreach (var cssClass in (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    output.AddClass(cssClass, HtmlEncoder.Default);
                }
            }
            else
            {
                output.Attributes.SetAttribute(name, value);
            }
        }

        output.Content.SetHtmlContent(element.InnerHtml);
    }

    /// <summary>Reads and removes a boolean flag written as a bare attribute (<c>inline</c>), which Razor cannot bind to a bool.</summary>
    public static bool TakeFlag(TagHelperOutput output, string name)
    {
        if (!output.Attributes.TryGetAttribute(name, out var attribute))
        {
            return false;
        }

        output.Attributes.Remove(attribute);
        return attribute.ValueStyle == HtmlAttributeValueStyle.Minimized
            || attribute.Value is null
            || !string.Equals(attribute.Value.ToString(), "false", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsDateParts(ModelStateDictionary modelState, string key) =>
        DatePartKeys(key).All(modelState.ContainsKey);
}
