using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Tests.TagHelpers;

public sealed class PersonForm
{
    [Display(Name = "Given name")]
    public string? GivenName { get; set; }

    public string? Notes { get; set; }

    public string? Region { get; set; }

    public string? Contact { get; set; }

    public string[] Needs { get; set; } = [];

    [Display(Name = "Date of birth")]
    public DateParts DateOfBirth { get; set; } = new();

    public DateOnly? ReleaseDate { get; set; }

    public decimal Score { get; set; }
}

public sealed class TestPageModel
{
    public PersonForm Input { get; set; } = new();
}

/// <summary>Runs tag helpers as Razor would, against a hand-made ViewContext, and parses what they write.</summary>
public sealed class TagHelperHarness
{
    private static readonly IModelMetadataProvider MetadataProvider = new ServiceCollection()
        .AddLogging()
        .AddMvcCore()
        .AddDataAnnotations()
        .Services.BuildServiceProvider()
        .GetRequiredService<IModelMetadataProvider>();

    public TestPageModel Model { get; } = new();

    public ModelStateDictionary ModelState { get; } = new();

    public ViewContext ViewContext
    {
        get
        {
            var viewData = new ViewDataDictionary<TestPageModel>(MetadataProvider, ModelState) { Model = Model };
            var actionContext = new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor(), ModelState);
            return new ViewContext(actionContext, new NoView(), viewData, new TempDataDictionary(actionContext.HttpContext, new NoTempData()), TextWriter.Null, new HtmlHelperOptions());
        }
    }

    public ModelExpression For(string expression)
    {
        var viewData = new ViewDataDictionary<TestPageModel>(MetadataProvider, ModelState) { Model = Model };
        return new ModelExpressionProvider(MetadataProvider).CreateModelExpression(viewData, expression);
    }

    public T Field<T>(T helper, string expression)
        where T : GovUkFieldTagHelperBase
    {
        helper.For = For(expression);
        helper.ViewContext = ViewContext;
        return helper;
    }

    public void Attempt(string key, string? value, params string[] errors)
    {
        ModelState.SetModelValue(key, value, value);
        foreach (var error in errors)
        {
            ModelState.AddModelError(key, error);
        }
    }

    public static async Task<TagHelperOutput> Run(
        TagHelper helper, string tagName, string? childHtml = null, IDictionary<object, object>? items = null,
        Func<IDictionary<object, object>, Task<IHtmlContent>>? children = null, params (string Name, object? Value)[] attributes)
    {
        var all = new TagHelperAttributeList(attributes.Select(a => a.Value is null
            ? new TagHelperAttribute(a.Name)
            : new TagHelperAttribute(a.Name, a.Value)));
        var context = new TagHelperContext(tagName, all, items ?? new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tagName, new TagHelperAttributeList(all), async (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            if (children is not null)
            {
                // Razor gives child tag helpers a copy of the parent's items.
                content.AppendHtml(await children(new Dictionary<object, object>(context.Items)));
            }

            return childHtml is null ? content : content.AppendHtml(childHtml);
        });
        await helper.ProcessAsync(context, output);
        return output;
    }

    public static async Task<string> Html(TagHelper helper, string tagName = "govuk-x", string? childHtml = null, params (string Name, object? Value)[] attributes) =>
        ToHtml(await Run(helper, tagName, childHtml, null, null, attributes));

    public static string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    public static IElement Parse(string html) => new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;

    public static async Task<IElement> Dom(TagHelper helper, string tagName = "govuk-x", string? childHtml = null, params (string Name, object? Value)[] attributes) =>
        Parse(await Html(helper, tagName, childHtml, attributes));

    private sealed class NoView : IView
    {
        public string Path => string.Empty;

        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }

    private sealed class NoTempData : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
