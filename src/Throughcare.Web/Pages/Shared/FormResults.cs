using Throughcare.Core.Domain;

namespace Throughcare.Web.Pages;

public static class FormResults
{
    /// <summary>
    /// A service names the field a refusal is about by its own property name ("Email"); on a page that binds its form as
    /// one model the field sits under that model's name ("Input.Email"), where the error summary links to it.
    /// </summary>
    public static WriteResult InForm(this WriteResult result, string model) =>
        result is WriteResult.Refused { Field: { } field } refused ? refused with { Field = $"{model}.{field}" } : result;
}
