using System.Text.RegularExpressions;

namespace Throughcare.Tests.Platform;

/// <summary>
/// The rules of docs/adr/0007 and 0009 that a reviewer would otherwise have to remember: pages and API handlers decide
/// no access themselves (the record's access object does, through the record gate), and links come from routing.
/// Each rule reads the source, so a new page is held to it the day it is written.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Web = Path.Combine(SourceRoot(), "src", "Throughcare.Web");

    [Fact]
    public void PagesAndApiHandlers_LeaveAccessDecisionsToAccessObjects()
    {
        var findings = Scan(["Pages", "Api"], ["*.cs", "*.cshtml"], AccessDecision(),
            // The token handler finds the integration user a token was issued to: authentication, not access.
            except: ["Api/ApiTokenAuthentication.cs"]);

        findings.ShouldBeEmpty("Pages and API handlers must not re-derive roles or organisations; say what the page needs "
            + "with [Requires(...)] and ask the record in view (inView.May(...)), or the access object (docs/adr/0007-access-model.md):\n"
            + string.Join('\n', findings));
    }

    [Fact]
    public void PagesAndViews_LinkThroughRouting()
    {
        var findings = Scan(["Pages"], ["*.cs", "*.cshtml"], HandWrittenUrl(), except: []);

        findings.ShouldBeEmpty("Links and redirects come from routing (asp-page, RedirectToPage, LinkGenerator), never "
            + "hand-written URL strings (docs/adr/0009-write-results-flash-and-links.md):\n" + string.Join('\n', findings));
    }

    [Fact]
    public void Views_BindFieldsInLoopsByPath()
    {
        var findings = Scan(["Pages"], ["*.cshtml"], IndexerBinding(), except: []);

        findings.ShouldBeEmpty("A field in a loop binds with for-path=\"@($\"Items[{i}].Name\")\": an indexer in for or in a lambda "
            + "is compiled to a new delegate on every render:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void Rules_RecogniseWhatTheyForbid()
    {
        IndexerBinding().IsMatch("""<govuk-radios for="Input.Answers[i]" />""").ShouldBeTrue();
        IndexerBinding().IsMatch("""<input name="@Html.NameFor(m => m.Documents[i].Type)" />""").ShouldBeTrue();
        IndexerBinding().IsMatch("""<govuk-radios for-path="@($"Input.Answers[{i}]")" />""").ShouldBeFalse();

        AccessDecision().IsMatch("if (User.IsInRole(StaffRoles.Manager))").ShouldBeTrue();
        AccessDecision().IsMatch("s.OrganisationId == user.OrganisationId").ShouldBeTrue();
        AccessDecision().IsMatch("e.OrganisationId != currentUser.OrganisationId").ShouldBeTrue();
        AccessDecision().IsMatch("InView.May(EpisodeRight.Manage)").ShouldBeFalse();

        // Asking a named capability policy (which links a role's navigation shows) is the policy's own rule, not a copy.
        AccessDecision().IsMatch("(await authorization.AuthorizeAsync(User, Capabilities.ManageServices)).Succeeded").ShouldBeFalse();

        HandWrittenUrl().IsMatch("""<a href="/episodes/@Model.Id/contacts">""").ShouldBeTrue();
        HandWrittenUrl().IsMatch("""return Redirect($"/people/{id}");""").ShouldBeTrue();
        HandWrittenUrl().IsMatch("""return LocalRedirect("/referrals");""").ShouldBeTrue();
        HandWrittenUrl().IsMatch("""<a asp-page="/Episodes/Index" asp-route-episodeId="@id">""").ShouldBeFalse();
        HandWrittenUrl().IsMatch("""<a href="#main-content">""").ShouldBeFalse();
    }

    private static List<string> Scan(string[] folders, string[] patterns, Regex rule, string[] except)
    {
        var findings = new List<string>();
        foreach (var folder in folders)
        {
            foreach (var file in patterns.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Web, folder), p, SearchOption.AllDirectories)))
            {
                var relative = Path.GetRelativePath(Web, file).Replace('\\', '/');
                if (except.Contains(relative))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (rule.IsMatch(lines[i]))
                    {
                        findings.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        return findings;
    }

    private static string SourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Throughcare.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: Throughcare.slnx was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Role checks and comparisons of a record's organisation with the signed-in user's.</summary>
    [GeneratedRegex(@"\bIsInRole\(|OrganisationId\s*[!=]=\s*\w*(user|User|viewer|Viewer)\w*\.OrganisationId|(user|User|viewer|Viewer)\w*\.OrganisationId\s*[!=]=")]
    private static partial Regex AccessDecision();

    /// <summary>A model expression with an indexer: a tag helper's for, or an HTML helper's lambda.</summary>
    [GeneratedRegex(@"\b(for|asp-for)=""[^""]*\[|For\(\w+ => [^)]*\[")]
    private static partial Regex IndexerBinding();

    /// <summary>A link, form action or redirect spelled as a path in the code instead of generated from a route.</summary>
    [GeneratedRegex(@"\b(href|action|formaction)=""/(?!(assets|css|js|lib|openapi|api)/)[A-Za-z@]|\b(Local)?Redirect(Permanent)?\(\$?""/")]
    private static partial Regex HandWrittenUrl();
}
