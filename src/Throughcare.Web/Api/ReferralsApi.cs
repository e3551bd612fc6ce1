using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Storage;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Api;

public sealed record ReferralCreated(Guid Id, string State, string Location);

/// <summary>A document as the API lists it: <c>FileName</c> is the name it is served under, named for the type of its content.</summary>
public sealed record ReferralDocumentSummary(Guid Id, string DocumentType, string FileName, long Size);

public sealed record ReferralStatus(
    Guid Id, Guid PersonId, Guid ServiceId, string Service, string State, DateTime? SubmittedAt, DateTime? DecidedAt,
    string? CloseReason, string? CloseReasonText, int? DaysToDecision, IReadOnlyList<ReferralDocumentSummary> Documents);

/// <summary>
/// /api/v1 for partner systems: submit a referral with its documents, and read its state. Same validation, same
/// access rules and the same audit as the pages; callers authenticate with an organisation's API token.
/// </summary>
public static class ReferralsApi
{
    public const string Policy = "api.referrals";
    private const string GetReferralRoute = "GetReferral";
    private const long DefaultMaxUploadBytes = 10 * 1024 * 1024;

    public static void MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/referrals").RequireAuthorization(Policy).AddEndpointFilter<RecordEndpointFilter>().WithTags("Referrals");
        api.MapPost("/", SubmitAsync).DisableAntiforgery()
            .WithName("SubmitReferral")
            .WithSummary("Submit a referral, with its documents as files whose form field names are document type codes.")
            .Accepts<IFormCollection>("multipart/form-data")
            .Produces<ReferralCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
        api.MapGet("/{referralId:guid}", GetAsync)
            .WithName(GetReferralRoute)
            .WithSummary("A referral's state and decision, as the referring organisation sees it.")
            .Produces<ReferralStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest request, ThroughcareDbContext db, ReferralService referrals, LinkGenerator links, IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the referral as multipart/form-data"] });
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException unreadable)
        {
            return Results.Problem(statusCode: unreadable.StatusCode, title: "The request body could not be read");
        }
        catch (Exception malformed) when (malformed is InvalidDataException or IOException)
        {
            // A multipart body without a boundary, or cut short: the client's mistake, never a server error.
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not well-formed multipart/form-data");
        }

        var errors = new Dictionary<string, string[]>();
        var today = Display.Today(time);
        var personId = RequireGuid(form, "personId", "Enter the person's reference", errors);
        var serviceId = RequireGuid(form, "serviceId", "Enter the service's reference", errors);
        var details = new ReferralDetails
        {
            Source = Parse<ReferralSource>(form, "source", "Select where the referral comes from", errors, required: true),
            Reason = Text(form, "reason", "Reason", 4000, errors, required: "Enter the reason for the referral"),
            HelpWanted = Text(form, "helpWanted", "What the person wants help with", 4000, errors),
            AccessibilityNeeds = Text(form, "accessibilityNeeds", "Accessibility needs", 2000, errors),
            RisksToWorkers = Text(form, "risksToWorkers", "Risks to workers", 2000, errors),
            PersonSetting = Parse<ServiceSetting>(form, "personSetting", "Select whether the person is in custody or in the community", errors, required: true),
            PreferredWorkerGender = Code(form, "preferredWorkerGender", GenderIdentities.All, "Select a gender identity", errors),
            SharingBasis = Parse<SharingBasis>(form, "sharingBasis", "Select the lawful basis for sharing this referral", errors, required: true),
            ConsentGivenOn = Date(form, "consentGivenOn", today, errors),
            SharingNote = Text(form, "sharingNote", "Sharing note", 2000, errors),
        };
        if (details is { SharingBasis: SharingBasis.Consent, ConsentGivenOn: null } && !errors.ContainsKey("consentGivenOn"))
        {
            errors["consentGivenOn"] = ["Enter the date the person gave consent, like 2026-11-01"];
        }

        var maxBytes = configuration.GetValue<long?>("Throughcare:Uploads:MaxBytes") ?? DefaultMaxUploadBytes;
        var documents = new List<(IFormFile File, FileSignatures.Kind Kind)>();
        foreach (var file in form.Files)
        {
            if (!DocumentTypes.All.Contains(file.Name))
            {
                errors[file.Name] = [$"'{file.Name}' is not a document type: use one of {string.Join(", ", DocumentTypes.All.Select(d => d.Code))}"];
            }
            else if (file.Length == 0)
            {
                errors[file.Name] = ["The selected file is empty"];
            }
            else if (file.Length > maxBytes)
            {
                errors[file.Name] = [$"The selected file must be smaller than {maxBytes / (1024 * 1024)} MB"];
            }
            else if (await DetectAsync(file, cancellationToken) is { } kind)
            {
                documents.Add((file, kind));
            }
            else
            {
                errors[file.Name] = [$"The selected file must be {FileSignatures.Allowed}"];
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var result = await referrals.SubmitNewAsync(new SubmitNewReferral
        {
            PersonId = personId!.Value,
            ServiceId = serviceId!.Value,
            SubmissionId = IdempotencyKeys.SubmissionIdFor(request.HttpContext),
            Details = details,
            Documents = [.. documents.Select(d => new NewDocument(d.File.Name, DocumentNames.Clean(d.File.FileName), d.Kind, d.File.OpenReadStream))],
        }, cancellationToken);
        if (result is not WriteResult.Done { Id: var referralId })
        {
            return WriteProblems.Problem(result, "referral");
        }

        var location = links.GetPathByName(GetReferralRoute, new { referralId }) ?? throw new InvalidOperationException("No route to a referral.");
        var state = await db.Referrals.Where(r => r.Id == referralId).Select(r => r.State).SingleAsync(cancellationToken);
        return Results.Created(location, new ReferralCreated(referralId, state.ToString(), location));
    }

    private static async Task<IResult> GetAsync(Guid referralId, ThroughcareDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Service).Include(r => r.Documents).SingleAsync(r => r.Id == referralId, cancellationToken);
        return Results.Ok(new ReferralStatus(
            referral.Id, referral.PersonId, referral.ServiceId, referral.Service!.Name, referral.State.ToString(), referral.SubmittedAt, referral.DecidedAt,
            referral.CloseReason?.ToString(), referral.CloseReasonText, referral.DaysToDecision(time.GetUtcNow().UtcDateTime),
            referral.Documents.Select(d => new ReferralDocumentSummary(d.Id, d.DocumentType, DocumentNames.Served(d.FileName, FileSignatures.ForContentType(d.ContentType)), d.Size)).ToList()));
    }

    private static async Task<FileSignatures.Kind?> DetectAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var head = new byte[16];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return FileSignatures.Detect(head.AsSpan(0, read), file.FileName);
    }

    private static Guid? RequireGuid(IFormCollection form, string name, string message, Dictionary<string, string[]> errors)
    {
        if (Guid.TryParse(form[name], out var id))
        {
            return id;
        }

        errors[name] = [message];
        return null;
    }

    private static T? Parse<T>(IFormCollection form, string name, string message, Dictionary<string, string[]> errors, bool required)
        where T : struct, Enum
    {
        var value = form[name].ToString();
        if (value.Length == 0 && !required)
        {
            return null;
        }

        if (Enum.GetNames<T>().Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return Enum.Parse<T>(value, ignoreCase: true);
        }

        errors[name] = [$"{message}: one of {string.Join(", ", Enum.GetNames<T>())}"];
        return null;
    }

    private static string? Text(IFormCollection form, string name, string label, int maxLength, Dictionary<string, string[]> errors, string? required = null)
    {
        var value = TextRules.Tidy(form[name].ToString());
        if (value is null)
        {
            if (required is not null)
            {
                errors[name] = [required];
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            errors[name] = [$"{label} must be {maxLength} characters or fewer"];
        }
        else if (!TextRules.IsSafe(value, multiline: true))
        {
            errors[name] = [$"{label} must not contain hidden control characters"];
        }

        return value;
    }

    private static string? Code<T>(IFormCollection form, string name, ReferenceList<T> list, string message, Dictionary<string, string[]> errors)
        where T : IReferenceItem
    {
        var value = TextRules.Tidy(form[name].ToString());
        if (value is not null && !list.Contains(value))
        {
            errors[name] = [message];
        }

        return value;
    }

    private static DateOnly? Date(IFormCollection form, string name, DateOnly today, Dictionary<string, string[]> errors)
    {
        var value = TextRules.Tidy(form[name].ToString());
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date <= today && date.Year >= 2000)
        {
            return date;
        }

        errors[name] = ["Enter the date consent was given as a real date in the past, like 2026-11-01"];
        return null;
    }
}
