using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

public sealed class ViewModel(ThroughcareDbContext db) : PageModel
{
    public Person Person { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanRefer { get; private set; }
    public async Task OnGetAsync(Guid personId)
    {
        var inView = HttpContext.Record<PersonInView>();
        Person = await db.People.AsNoTracking().Include(p => p.Aliases).SingleAsync(p => p.Id == personId);
        CanEdit = inView.May(PersonRight.Edit);
        CanRefer = inView.May(PersonRight.Refer);
    }
}
