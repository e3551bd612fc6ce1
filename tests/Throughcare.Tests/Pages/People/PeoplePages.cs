using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.People;

/// <summary>Forms, identifiers and audit look-ups shared by the people register's page tests.</summary>
public static class PeoplePages
{
    /// <summary>One character longer than a name may be.</summary>
    public const string LongName =
        "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    /// <summary>The fewest fields the create form accepts.</summary>
    public static Dictionary<string, string> PersonForm(string givenName, string familyName, DateOnly dateOfBirth, Guid? submissionId = null) => new()
    {
        ["Input.GivenName"] = givenName,
        ["Input.FamilyName"] = familyName,
        ["Input.DateOfBirth.Day"] = dateOfBirth.Day.ToString(CultureInfo.InvariantCulture),
        ["Input.DateOfBirth.Month"] = dateOfBirth.Month.ToString(CultureInfo.InvariantCulture),
        ["Input.DateOfBirth.Year"] = dateOfBirth.Year.ToString(CultureInfo.InvariantCulture),
        ["Input.IsPpo"] = "no",
        ["SubmissionId"] = (submissionId ?? Guid.NewGuid()).ToString(),
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> form, string field, string value)
    {
        form[field] = value;
        return form;
    }

    /// <summary>What a browser would submit from the page's post form: inputs, checked radios, selects and text areas.</summary>
    public static Dictionary<string, string> FormFields(this IHtmlDocument document)
    {
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Last(f => f.Method == "post");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (input.Type is not ("radio" or "checkbox") || input.IsChecked)
            {
                fields[input.Name!] = input.Value;
            }
        }

        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
        {
            fields[select.Name!] = select.Value ?? "";
        }

        foreach (var textArea in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
        {
            fields[textArea.Name!] = textArea.Value;
        }

        return fields;
    }

    /// <summary>Opens the edit page, changes one field and saves it, as a person editing the record would.</summary>
    public static async Task SaveChangeAsync(Browser browser, Guid personId, string field, string value)
    {
        var form = (await browser.GetAsync($"/people/{personId}/edit")).Document.FormFields();
        var saved = await browser.PostRawAsync($"/people/{personId}/edit", form.With(field, value));
        saved.Status.ShouldBe(System.Net.HttpStatusCode.Redirect, saved.Html);
    }

    public static string? InputValue(this IHtmlDocument document, string name) =>
        (document.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;

    public static Guid PersonIdFrom(string? location)
    {
        location.ShouldNotBeNull().ShouldStartWith("/people/");
        return Guid.Parse(location["/people/".Length..].Split('?', '/')[0]);
    }

    /// <summary>A random NHS number with a correct modulus 11 check digit, written as 3-3-4 digits.</summary>
    public static string NewNhsNumber()
    {
        while (true)
        {
            var first = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10))));
            if (Identifiers.NhsCheckDigit(first) is { } check)
            {
                var digits = first + check.ToString(CultureInfo.InvariantCulture);
                return Identifiers.FormatNhsNumber(digits);
            }
        }
    }

    /// <summary>A random PNC number with its check letter, the serial padded to seven digits.</summary>
    public static string NewPncNumber()
    {
        var serial = Random.Shared.Next(1, 99_999);
        return string.Create(CultureInfo.InvariantCulture, $"2012/{serial:D7}{Identifiers.PncCheckLetter(12, serial)}");
    }

    public static Task<List<AuditEvent>> AuditEventsAsync(this ThroughcareFactory factory, Guid personId, string? action = null) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.PersonId == personId && (action == null || a.Action == action))
            .OrderBy(a => a.Sequence)
            .ToListAsync());

    /// <summary>The row records a successful action by this member of staff, in their organisation.</summary>
    public static AuditEvent ShouldBeSuccessBy(this AuditEvent audit, TestUser user)
    {
        audit.UserId.ShouldBe(user.Id);
        audit.UserName.ShouldBe(user.Email);
        audit.OrganisationId.ShouldBe(user.OrganisationId);
        audit.Outcome.ShouldBe(AuditOutcome.Success);
        return audit;
    }

    public static Task<Person?> FindPersonAsync(this ThroughcareFactory factory, Guid personId) =>
        factory.WithDbAsync(db => db.People.AsNoTracking().Include(p => p.Aliases).SingleOrDefaultAsync(p => p.Id == personId));

    public static Task<int> CountPeopleNamedAsync(this ThroughcareFactory factory, string familyName) =>
        factory.WithDbAsync(db => db.People.CountAsync(p => p.Details.FamilyName == familyName));

    /// <summary>A family name no other test uses, letters only, so that it does not disturb name matching.</summary>
    public static string UniqueFamilyName(string prefix) =>
        prefix + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
}
