using Shouldly;
using Throughcare.Core.Domain.People;
using Xunit;

namespace Throughcare.Tests.Domain;

public class IdentifiersTests
{
    // Check digits worked by hand: 9434765919 → sum 299, 299 mod 11 = 2, 11 − 2 = 9.
    // 9876543210 → sum 330, remainder 0, 11 → 0. 4010232137 → check 7.
    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData(" 943-476-5919 ", "9434765919")]
    [InlineData("9876543210", "9876543210")]
    [InlineData("401 023 2137", "4010232137")]
    public void Valid_NHS_numbers_are_normalised_to_ten_digits(string input, string expected) =>
        Identifiers.ParseNhsNumber(input).Value.ShouldBe(expected);

    [Theory]
    [InlineData("9434765918")]
    [InlineData("4857773456")]
    [InlineData("1234567890")] // the first nine digits give a check of 10, so no tenth digit is valid
    [InlineData("1234567891")]
    public void NHS_numbers_failing_the_check_digit_are_invalid(string input) =>
        Identifiers.ParseNhsNumber(input).Error.ShouldBe("Enter a valid NHS number");

    [Theory]
    [InlineData("943476591")]
    [InlineData("94347659190")]
    [InlineData("943/476/5919")]
    [InlineData("94347659I9")]
    public void Badly_formed_NHS_numbers_ask_for_the_correct_format(string input) =>
        Identifiers.ParseNhsNumber(input).Error.ShouldBe("Enter an NHS number in the correct format, like 485 777 3456");

    [Fact]
    public void A_missing_NHS_number_asks_for_one()
    {
        var result = Identifiers.ParseNhsNumber("  ");

        result.IsValid.ShouldBeFalse();
        result.Error.ShouldBe("Enter an NHS number");
    }

    [Fact]
    public void NHS_numbers_are_shown_in_three_groups() =>
        Identifiers.FormatNhsNumber("9434765919").ShouldBe("943 476 5919");

    [Theory]
    [InlineData("X123456", "X123456")]
    [InlineData(" x123456 ", "X123456")]
    public void CRNs_are_one_letter_and_six_digits_in_upper_case(string input, string expected) =>
        Identifiers.ParseCrn(input).Value.ShouldBe(expected);

    [Theory]
    [InlineData("X12345")]
    [InlineData("XX123456")]
    [InlineData("1234567")]
    [InlineData("X 123456")]
    public void Other_CRNs_ask_for_the_correct_format(string input) =>
        Identifiers.ParseCrn(input).Error.ShouldBe("Enter a CRN in the correct format, like X123456");

    // Check letters worked by hand: 120052834 mod 23 = 10 → K; 981234567 mod 23 = 11 → L;
    // 010012345 mod 23 = 8 → H; 790123456 mod 23 = 17 → T.
    [Theory]
    [InlineData("2012/0052834K", "2012/0052834K")]
    [InlineData("2012/52834k", "2012/0052834K")]
    [InlineData("1998/1234567L", "1998/1234567L")]
    [InlineData("2001/12345H", "2001/0012345H")]
    [InlineData("79/123456T", "79/0123456T")]
    public void PNC_numbers_are_normalised_with_a_seven_digit_serial(string input, string expected) =>
        Identifiers.ParsePncNumber(input).Value.ShouldBe(expected);

    [Theory]
    [InlineData("2012/0052834J")]
    [InlineData("2001/12345Z")]
    public void PNC_numbers_with_the_wrong_check_letter_are_invalid(string input) =>
        Identifiers.ParsePncNumber(input).Error.ShouldBe("Enter a valid PNC number");

    [Theory]
    [InlineData("2012-0052834K")]
    [InlineData("2012/00528345K")]
    [InlineData("201/0052834K")]
    [InlineData("2012/0052834")]
    public void Other_PNC_numbers_ask_for_the_correct_format(string input) =>
        Identifiers.ParsePncNumber(input).Error.ShouldBe("Enter a PNC number in the correct format, like 2012/0052834K");

    [Theory]
    [InlineData(12, 52834, 'K')]
    [InlineData(20, 1, 'E')]
    [InlineData(5, 7654321, 'P')]
    public void PNC_check_letters_skip_I_O_and_S(int year, int serial, char expected) =>
        Identifiers.PncCheckLetter(year, serial).ShouldBe(expected);

    [Theory]
    [InlineData("A1234BC", "A1234BC")]
    [InlineData("a1234bc", "A1234BC")]
    public void Prison_numbers_are_normalised_to_upper_case(string input, string expected) =>
        Identifiers.ParsePrisonNumber(input).Value.ShouldBe(expected);

    [Theory]
    [InlineData("A1234B")]
    [InlineData("1234ABC")]
    [InlineData("AB1234C")]
    public void Other_prison_numbers_ask_for_the_correct_format(string input) =>
        Identifiers.ParsePrisonNumber(input).Error.ShouldBe("Enter a prison number in the correct format, like A1234BC");

    [Theory]
    [InlineData("943 476-5919", "9434765919")]
    [InlineData("2012/0052834k", "20120052834K")]
    [InlineData(" a1234 bc ", "A1234BC")]
    [InlineData(null, "")]
    public void Search_terms_lose_separators_and_case(string? input, string expected) =>
        Identifiers.NormaliseForSearch(input).ShouldBe(expected);

    [Fact]
    public void A_search_term_matches_a_stored_identifier_however_it_was_typed() =>
        Identifiers.NormaliseForSearch("2012 0052834k").ShouldBe(
            Identifiers.NormaliseForSearch(Identifiers.ParsePncNumber("2012/0052834K").Value));
}
