using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>
/// A service's appointments over a period, per worker and in total: offered, kept, late, missed, cancelled by whom and
/// still open; and the same as a CSV file. For the managers who see the service's caseloads, as that page decides.
/// </summary>
[Authorize(Policy = Capabilities.ScreenReferrals)]
[Requires(ServiceRight.SeeCaseloads)]
public sealed class AppointmentFiguresModel(ReadOnlyDb readOnly, TimeProvider time) : PageModel
{
    public static readonly string[] Header = ["Worker", "Offered", "Kept", "Late", "Did not attend", "Cancelled by the person", "Cancelled by the service", "Still open"];

    private static readonly InlineValidator<PeriodFilter> Validator = new()
    {
        v => v.RuleFor(x => x.From).Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("The start of the period must be a real date"),
        v => v.RuleFor(x => x.To).Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("The end of the period must be a real date"),
    };

    [BindProperty(SupportsGet = true)]
    public PeriodFilter Period { get; set; } = new();

    public string ServiceName { get; private set; } = "";
    public AppointmentFiguresReport? Report { get; private set; }
    public string CsvHref { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        ServiceName = HttpContext.Service().Name;
        if (Resolve() is not { } period)
        {
            return Page();
        }

        Report = await AppointmentFiguresReport.LoadAsync(readOnly.Db, HttpContext.Service().Id, period.From, period.To, HttpContext.RequestAborted);
        var query = new Dictionary<string, string?>
        {
            ["handler"] = "Csv",
            ["Period.From.Day"] = Period.From.Day,
            ["Period.From.Month"] = Period.From.Month,
            ["Period.From.Year"] = Period.From.Year,
            ["Period.To.Day"] = Period.To.Day,
            ["Period.To.Month"] = Period.To.Month,
            ["Period.To.Year"] = Period.To.Year,
        };
        CsvHref = Request.Path + QueryString.Create(query).ToUriComponent();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        ServiceName = HttpContext.Service().Name;
        if (Resolve() is not { } period)
        {
            return Page();
        }

        var report = await AppointmentFiguresReport.LoadAsync(readOnly.Db, HttpContext.Service().Id, period.From, period.To, HttpContext.RequestAborted);
        var rows = report.Workers.Select(w => Row(w.Name, w.Counts)).Append(Row("Total", report.Total)).ToList();
        return new CsvFile(Header, rows, $"appointments-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}.csv");
    }

    public static IReadOnlyList<string> Row(string name, AppointmentCounts c) =>
        [name, .. new[] { c.Offered, c.Kept, c.Late, c.DidNotAttend, c.CancelledByPerson, c.CancelledByService, c.StillOpen }.Select(n => n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The period asked for, each end the default where it is left out; null when it is not a period.</summary>
    private (DateOnly From, DateOnly To)? Resolve()
    {
        if (!Validator.Validate(Period).AddTo(ModelState, nameof(Period)))
        {
            return null;
        }

        var (defaultFrom, defaultTo) = AppointmentFiguresReport.DefaultPeriod(Display.Today(time));
        var from = Period.From.TryGetDate(out var f) ? f : defaultFrom;
        var to = Period.To.TryGetDate(out var t) ? t : defaultTo;
        if (from > to || to.DayNumber - from.DayNumber >= AppointmentFiguresReport.MaximumDays)
        {
            ModelState.AddModelError($"{nameof(Period)}.{(Period.From.IsEmpty ? nameof(PeriodFilter.From) : nameof(PeriodFilter.To))}",
                from > to ? "The end of the period must be the same as or after the start" : $"The period must be {AppointmentFiguresReport.MaximumDays} days or shorter");
            return null;
        }

        Period = new PeriodFilter { From = DateParts.From(from), To = DateParts.From(to) };
        return (from, to);
    }

    public sealed class PeriodFilter
    {
        public DateParts From { get; set; } = new();
        public DateParts To { get; set; } = new();
    }
}
