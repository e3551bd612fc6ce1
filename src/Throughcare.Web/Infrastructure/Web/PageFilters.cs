using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>A page re-shown with validation errors answers 400, with the GOV.UK error summary the layout renders.</summary>
public sealed class ValidationFailureFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult page && !executed.ModelState.IsValid && page.StatusCode is null)
        {
            page.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}

/// <summary>Where the organisation requires two-factor authentication, a user without it is sent to set it up first.</summary>
public sealed class TwoFactorSetupFilter : IAsyncPageFilter
{
    private static readonly string[] AllowedPages = ["/Account/TwoFactor", "/Account/SignOut", "/Errors/Index", "/Accessibility"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Items.ContainsKey(SessionValidator.TwoFactorSetupRequired)
            && !AllowedPages.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectResult("/account/two-factor");
            return Task.CompletedTask;
        }

        return next();
    }
}

public static class ValidationExtensions
{
    /// <summary>Copies FluentValidation failures into ModelState under the bound property's name.</summary>
    public static bool AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            if (modelState[key]?.Errors.Count is null or 0)
            {
                modelState.AddModelError(key, error.ErrorMessage);
            }
        }

        return result.IsValid;
    }
}
