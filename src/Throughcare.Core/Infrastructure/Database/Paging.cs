using Microsoft.EntityFrameworkCore;

namespace Throughcare.Core.Infrastructure.Database;

public static class Paging
{
    /// <summary>One page of an ordered query, with the page number clamped to the pages that exist.</summary>
    public static async Task<(IReadOnlyList<T> Items, int Page, int TotalPages)> PageAsync<T>(IQueryable<T> ordered, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, totalPages);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, page, totalPages);
    }
}
