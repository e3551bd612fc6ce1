using Shouldly;
using Throughcare.Core.Domain.People;
using Xunit;

namespace Throughcare.Tests.Domain;

public class NameMatchingTests
{
    [Theory]
    [InlineData("  José  ", "jose")]
    [InlineData("Łukasz Wałęsa", "lukasz walesa")]
    [InlineData("Søren Strauß", "soren strauss")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("D’Souza", "dsouza")]
    [InlineData("Smith-Jones", "smith jones")]
    [InlineData("St. John  -  Smythe", "st john smythe")]
    [InlineData("Zoë", "zoe")]
    [InlineData("ÇAĞLAR", "caglar")]
    [InlineData(null, "")]
    public void Normalise_folds_case_diacritics_and_punctuation(string? name, string expected) =>
        NameMatching.Normalise(name).ShouldBe(expected);

    [Theory]
    [InlineData("Smith", "Smyth", "SMT")]
    [InlineData("Mohammed", "Muhammad", "MMT")]
    [InlineData("Mohamed", "Mohammad", "MMT")]
    [InlineData("Catherine", "Kathryn", "KTRN")]
    [InlineData("Stephen", "Steven", "STFN")]
    [InlineData("Aaliyah", "Aliyah", "AL")]
    [InlineData("O'Brien", "OBrien", "ABRN")]
    [InlineData("Zoë", "Zoe", "S")]
    [InlineData("Sean", "Shaun", "SN")]
    [InlineData("Geoffrey", "Jeffrey", "JFR")]
    [InlineData("Leigh", "Lee", "L")]
    [InlineData("Knight", "Night", "NT")]
    [InlineData("Mc Donald", "MacDonald", "MKTNLT")]
    public void Phonetic_keys_collide_for_spelling_variants(string a, string b, string key)
    {
        NameMatching.PhoneticKey(a).ShouldBe(key);
        NameMatching.PhoneticKey(b).ShouldBe(key);
    }

    [Theory]
    [InlineData("Smith", "Jones")]
    [InlineData("Smith", "Schmidt")]
    [InlineData("Catherine", "Caroline")]
    [InlineData("Ahmed", "Hamid")]
    public void Phonetic_keys_differ_for_different_names(string a, string b) =>
        NameMatching.PhoneticKey(a).ShouldNotBe(NameMatching.PhoneticKey(b));

    [Fact]
    public void An_empty_name_has_an_empty_key() => NameMatching.PhoneticKey(" - ").ShouldBeEmpty();

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    public void Similarity_is_Jaro_Winkler(string a, string b, double expected) =>
        NameMatching.Similarity(a, b).ShouldBe(expected, 0.001);

    [Theory]
    [InlineData("José", "JOSE", 1)]
    [InlineData("", "", 1)]
    [InlineData("Ann", "", 0)]
    [InlineData("abc", "xyz", 0)]
    public void Similarity_compares_normalised_names(string a, string b, double expected) =>
        NameMatching.Similarity(a, b).ShouldBe(expected);

    [Theory]
    [InlineData("Mohammed", "Khan", "Muhammad", "Khan")]
    [InlineData("Catherine", "O'Brien", "Kathryn", "OBrien")]
    [InlineData("J", "Smith", "John", "Smyth")]
    [InlineData("Jon", "Smith", "Jonathan", "Smith")]
    [InlineData("J P", "Okafor", "John Paul", "Okafor")]
    [InlineData("Jonathon", "Richards", "Jonathan", "Richardson")]
    [InlineData("Zoë", "Kowalczyk", "Zoe", "Kowalczyk")]
    [InlineData("Ali", "Hassan", "Hassan", "Ali")]
    [InlineData("Nguyen", "Van Thanh", "Van Thanh", "Nguyen")]
    public void Likely_the_same_name(string givenA, string familyA, string givenB, string familyB) =>
        NameMatching.IsLikelySameName(givenA, familyA, givenB, familyB).ShouldBeTrue();

    [Theory]
    [InlineData("John", "Smith", "John", "Jones")]
    [InlineData("John", "Smith", "Peter", "Smith")]
    [InlineData("Ann", "Smith", "Mary", "Smith")]
    [InlineData("", "Smith", "John", "Smith")]
    [InlineData("John", "", "John", "")]
    public void Not_likely_the_same_name(string givenA, string familyA, string givenB, string familyB) =>
        NameMatching.IsLikelySameName(givenA, familyA, givenB, familyB).ShouldBeFalse();
}
