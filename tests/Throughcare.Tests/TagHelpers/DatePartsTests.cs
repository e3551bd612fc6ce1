using Shouldly;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.TagHelpers;
using Xunit;

namespace Throughcare.Tests.TagHelpers;

public class DatePartsTests
{
    [Theory]
    [InlineData("1", "2", "2003", 2003, 2, 1)]
    [InlineData(" 29 ", "02", "2024", 2024, 2, 29)]
    [InlineData("31", "12", "9999", 9999, 12, 31)]
    [InlineData("1", "1", "1", 1, 1, 1)]
    public void TryGetDate_accepts_real_dates(string day, string month, string year, int y, int m, int d)
    {
        new DateParts { Day = day, Month = month, Year = year }.TryGetDate(out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(y, m, d));
    }

    [Theory]
    [InlineData("30", "2", "2024")]
    [InlineData("29", "2", "2023")]
    [InlineData("31", "4", "2024")]
    [InlineData("1", "13", "2024")]
    [InlineData("0", "1", "2024")]
    [InlineData("1", "1", "0")]
    [InlineData("1", "1", "10000")]
    [InlineData("1", "1", "-5")]
    [InlineData("1", "1", "99999999999999999999")]
    [InlineData("1", "1", "+2024")]
    [InlineData("1st", "Jan", "2024")]
    [InlineData("", "", "")]
    [InlineData(null, "1", "2024")]
    [InlineData("1\0", "1", "2024")]
    public void TryGetDate_rejects_impossible_or_malformed_dates_without_throwing(string? day, string? month, string? year)
    {
        new DateParts { Day = day, Month = month, Year = year }.TryGetDate(out var date).ShouldBeFalse();
        date.ShouldBe(default);
    }

    [Fact]
    public void IsEmpty_is_true_only_when_every_part_is_blank()
    {
        new DateParts { Day = " ", Month = null, Year = "" }.IsEmpty.ShouldBeTrue();
        new DateParts { Year = "2024" }.IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void From_round_trips_a_date_and_gives_empty_parts_for_null()
    {
        var parts = DateParts.From(new DateOnly(1990, 7, 4));
        (parts.Day, parts.Month, parts.Year).ShouldBe(("4", "7", "1990"));
        parts.TryGetDate(out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(1990, 7, 4));
        DateParts.From(null).IsEmpty.ShouldBeTrue();
    }
}
