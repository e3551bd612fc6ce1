using Shouldly;
using Throughcare.Core.Domain.ReferenceData;
using Xunit;

namespace Throughcare.Tests.Domain;

public class ReferenceDataTests
{
    [Fact]
    public void London_has_32_boroughs_plus_the_City_and_outside_London()
    {
        Boroughs.All.Count.ShouldBe(34);
        Boroughs.LondonBoroughs.Count.ShouldBe(32);
        Boroughs.LondonBoroughs.Contains(Boroughs.CityOfLondon).ShouldBeFalse();
        Boroughs.All[^1].Code.ShouldBe(Boroughs.OutsideLondon);
    }

    [Theory]
    [InlineData("barking-and-dagenham", "Barking and Dagenham")]
    [InlineData("kensington-and-chelsea", "Kensington and Chelsea")]
    [InlineData("richmond-upon-thames", "Richmond upon Thames")]
    [InlineData("city-of-london", "City of London")]
    [InlineData("TOWER-HAMLETS", "Tower Hamlets")]
    public void Boroughs_are_found_by_kebab_case_code(string code, string label) =>
        Boroughs.All.LabelFor(code).ShouldBe(label);

    [Fact]
    public void Unknown_codes_find_nothing()
    {
        Boroughs.All.Find("atlantis").ShouldBeNull();
        Boroughs.All.Contains(null).ShouldBeFalse();
        Ethnicities.RollUpToGroup("atlantis").ShouldBeNull();
    }

    [Fact]
    public void Codes_are_unique_in_every_catalogue()
    {
        IEnumerable<IReadOnlyList<IReferenceItem>> all =
        [
            Boroughs.All, Ethnicities.All, Religions.All, SexualOrientations.All,
            Disabilities.All, GenderIdentities.All, Languages.All,
        ];

        foreach (var catalogue in all)
        {
            catalogue.Select(item => item.Code).ShouldBeUnique();
        }
    }

    [Fact]
    public void Equality_monitoring_lists_end_with_prefer_not_to_say()
    {
        foreach (var catalogue in new[] { Religions.All, SexualOrientations.All, Disabilities.All, GenderIdentities.All })
        {
            catalogue[^1].ShouldBe(new ReferenceItem("prefer-not-to-say", "Prefers not to say"));
        }

        Ethnicities.All.LabelFor(Ethnicities.PreferNotToSay).ShouldBe("Prefers not to say");
    }

    [Fact]
    public void Monitoring_lists_use_the_census_labels()
    {
        Religions.All.Select(r => r.Label).ShouldBe(
            ["No religion", "Christian", "Buddhist", "Hindu", "Jewish", "Muslim", "Sikh", "Any other religion", "Prefers not to say"]);
        SexualOrientations.All.LabelFor("heterosexual-or-straight").ShouldBe("Heterosexual or straight");
        GenderIdentities.All.LabelFor("non-binary").ShouldBe("Non-binary");
        Disabilities.All.Select(d => d.Code).ShouldBe([Disabilities.Yes, Disabilities.No, Disabilities.PreferNotToSay]);
    }

    [Theory]
    [InlineData("en", "English")]
    [InlineData("pl", "Polish")]
    [InlineData("syl", "Sylheti")]
    [InlineData("bfi", "British Sign Language")]
    [InlineData("cmn", "Mandarin")]
    [InlineData("yue", "Cantonese")]
    [InlineData("ti", "Tigrinya")]
    public void Languages_use_ISO_639_codes(string code, string label) =>
        Languages.All.LabelFor(code).ShouldBe(label);

    [Fact]
    public void About_forty_London_languages_with_English_first()
    {
        Languages.All.Count.ShouldBeInRange(40, 55);
        Languages.All[0].Code.ShouldBe(Languages.English);
    }

    [Fact]
    public void Ethnicities_have_the_five_2001_Census_groups_and_sixteen_categories()
    {
        Ethnicities.Groups.Select(g => g.Label).ShouldBe(
            ["White", "Mixed", "Asian or Asian British", "Black or Black British", "Chinese or other ethnic group"]);
        Ethnicities.All.Count(e => e.Level == EthnicityLevel.Category && e.ParentCode is not null).ShouldBe(16);
    }

    [Theory]
    [InlineData("gypsy-or-irish-traveller", "any-other-white-background", "white")]
    [InlineData("roma", "any-other-white-background", "white")]
    [InlineData("somali", "african", "black-or-black-british")]
    [InlineData("nigerian", "african", "black-or-black-british")]
    [InlineData("sri-lankan-tamil", "any-other-asian-background", "asian-or-asian-british")]
    [InlineData("arab", "any-other-ethnic-group", "chinese-or-other-ethnic-group")]
    [InlineData("white-british", "white-british", "white")]
    [InlineData("white-and-black-caribbean", "white-and-black-caribbean", "mixed")]
    [InlineData("prefer-not-to-say", "prefer-not-to-say", "prefer-not-to-say")]
    [InlineData("not-known", "not-known", "not-known")]
    public void Ethnicities_roll_up_to_their_category_and_group(string code, string category, string group)
    {
        Ethnicities.RollUpToCategory(code).ShouldBe(category);
        Ethnicities.RollUpToGroup(code).ShouldBe(group);
    }

    [Fact]
    public void A_group_rolls_up_to_itself_but_has_no_category()
    {
        Ethnicities.RollUpToGroup("mixed").ShouldBe("mixed");
        Ethnicities.RollUpToCategory("mixed").ShouldBeNull();
    }

    [Fact]
    public void Selectable_ethnicities_are_categories_and_subsets_in_group_order()
    {
        var selectable = Ethnicities.Selectable;

        selectable.ShouldNotContain(e => e.Level == EthnicityLevel.Group);
        selectable[0].Code.ShouldBe("white-british");
        selectable.Select(e => e.Code).TakeLast(2).ShouldBe([Ethnicities.PreferNotToSay, Ethnicities.NotKnown]);
        var groups = selectable.SkipLast(2).Select(e => Ethnicities.RollUpToGroup(e.Code)).Distinct();
        groups.ShouldBe(Ethnicities.Groups.Select(g => g.Code));
        var african = selectable.ToList().FindIndex(e => e.Code == "african");
        selectable[african + 1].Code.ShouldBe("somali");
    }
}
