using Throughcare.Core.Domain;

namespace Throughcare.Web.Api;

/// <summary>
/// The one place the API turns a write that did not happen into a problem document: a refusal is a 400 validation
/// problem under the field it names (or the record's own name), a conflict a 409, a missing record a 404.
/// </summary>
public static class WriteProblems
{
    /// <param name="record">What the write was about, in the words a problem's title and a refusal's key use ("referral").</param>
    public static IResult Problem(WriteResult result, string record) => result switch
    {
        WriteResult.Refused refused => Results.ValidationProblem(new Dictionary<string, string[]> { [refused.Field ?? record] = [refused.Message] }),
        WriteResult.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The {record} was changed by someone else; try again"),
        WriteResult.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        _ => throw new ArgumentException("A write that was done is answered by its endpoint, not as a problem.", nameof(result)),
    };
}
