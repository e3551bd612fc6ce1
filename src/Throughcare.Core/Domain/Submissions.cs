using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain;

/// <summary>
/// Creates a record once per submission id (ADR 16). Every duplicate lands on the one record: a submission seen before
/// answers with its record, and a twin that races the first one and loses (on the submission id's unique index, or on
/// the parent's version that the winner renewed) answers with the winner's record rather than failing.
/// </summary>
public static class Submissions
{
    public const string SubmissionUsedElsewhere = "This form has already been used for another record. Open the form again and enter the details there";

    /// <param name="existing">The record this submission made, if any: a query for its id by submission id.</param>
    /// <param name="create">The write itself, run only when the submission is new.</param>
    public static async Task<WriteResult> CreateOnceAsync(
        ThroughcareDbContext db, IQueryable<Guid?> existing, Func<Task<WriteResult>> create, CancellationToken cancellationToken)
    {
        if (await existing.SingleOrDefaultAsync(cancellationToken) is { } made)
        {
            return new WriteResult.Done(made);
        }

        WriteResult result;
        try
        {
            result = await create();
        }
        catch (DbUpdateException duplicate) when (duplicate.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            // The submission id made some other record (a form's hidden id posted again on another page): refused, not a failure.
            return await existing.SingleOrDefaultAsync(cancellationToken) is { } winner ? new WriteResult.Done(winner) : new WriteResult.Refused(SubmissionUsedElsewhere);
        }

        return result is WriteResult.Conflict && await existing.SingleOrDefaultAsync(cancellationToken) is { } twin ? new WriteResult.Done(twin) : result;
    }
}
