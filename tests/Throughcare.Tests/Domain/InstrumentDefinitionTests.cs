using Throughcare.Core.Domain.Episodes;

namespace Throughcare.Tests.Domain;

public sealed class InstrumentDefinitionTests
{
    private static InstrumentDefinition Shipped(string resource) =>
        InstrumentDefinition.Parse(InstrumentCatalogueService.ShippedJson(resource)).Definition.ShouldNotBeNull();

    private static InstrumentDefinition Phq9 => Shipped("phq-9.json");

    private static InstrumentDefinition Gad7 => Shipped("gad-7.json");

    private static InstrumentDefinition Relationships => Shipped("relationships-engagement.json");

    /// <summary>Answers that add up to <paramref name="total"/>, filling items from the first with up to <paramref name="maximum"/> each.</summary>
    private static int[] AnswersTotalling(int total, int items, int maximum = 3) =>
        [.. Enumerable.Range(0, items).Select(i => Math.Clamp(total - (i * maximum), 0, maximum))];

    [Fact]
    public void ShippedInstruments_AreValidAndDescribed()
    {
        Phq9.Items.Count.ShouldBe(9);
        Phq9.HigherIsBetter.ShouldBeFalse();
        Phq9.Items[0].Options.Select(o => o.Label).ShouldBe(["Not at all", "Several days", "More than half the days", "Nearly every day"]);
        Phq9.Source!.ShouldContain("Pfizer");
        Phq9.Source!.ShouldContain("No permission required");
        Gad7.Items.Count.ShouldBe(7);
        Gad7.MaximumScore.ShouldBe(21);
        Relationships.Items.Count.ShouldBe(5);
        Relationships.HigherIsBetter.ShouldBeTrue();
        Relationships.MaximumScore.ShouldBe(20);
    }

    [Fact]
    public void Phq9_KnownAnswerSets()
    {
        Phq9.Score([0, 0, 0, 0, 0, 0, 0, 0, 0]).ShouldBe(new InstrumentScore(0, "None–minimal"));
        Phq9.Score([3, 3, 3, 3, 3, 3, 3, 3, 3]).ShouldBe(new InstrumentScore(27, "Severe"));
        Phq9.Score([1, 1, 1, 1, 1, 1, 1, 1, 2]).ShouldBe(new InstrumentScore(10, "Moderate"));
    }

    [Theory]
    [InlineData(4, "None–minimal")]
    [InlineData(5, "Mild")]
    [InlineData(9, "Mild")]
    [InlineData(10, "Moderate")]
    [InlineData(14, "Moderate")]
    [InlineData(15, "Moderately severe")]
    [InlineData(19, "Moderately severe")]
    [InlineData(20, "Severe")]
    public void Phq9_BandBoundaries(int total, string band) =>
        Phq9.Score(AnswersTotalling(total, 9)).ShouldBe(new InstrumentScore(total, band));

    [Theory]
    [InlineData(0, "Minimal")]
    [InlineData(4, "Minimal")]
    [InlineData(5, "Mild")]
    [InlineData(9, "Mild")]
    [InlineData(10, "Moderate")]
    [InlineData(14, "Moderate")]
    [InlineData(15, "Severe")]
    [InlineData(21, "Severe")]
    public void Gad7_BandBoundaries(int total, string band) =>
        Gad7.Score(AnswersTotalling(total, 7)).ShouldBe(new InstrumentScore(total, band));

    [Fact]
    public void Score_RefusesTheWrongNumberOfAnswersOrAValueNotAmongTheOptions()
    {
        Should.Throw<ArgumentException>(() => Phq9.Score([0, 0, 0])).Message.ShouldContain("9 items but 3 answers");
        Should.Throw<ArgumentException>(() => Phq9.Score([0, 0, 0, 0, 4, 0, 0, 0, 0])).Message.ShouldContain("Item 5");
        Phq9.ProblemsWith([0, null, 0, 0, 0, 0, 0, 0, 0]).ShouldBe(["Select an answer to item 2"]);
    }

    private const string ReverseScored = """
        {
          "name": "Two-item scale",
          "higherIsBetter": true,
          "options": [ { "value": 1, "label": "Never" }, { "value": 2, "label": "Sometimes" }, { "value": 3, "label": "Often" }, { "value": 4, "label": "Always" } ],
          "items": [ { "text": "I feel calm" }, { "text": "I feel tense", "reverse": true } ],
          "bands": [ { "min": 2, "max": 4, "label": "Low" }, { "min": 5, "max": 8, "label": "High" } ]
        }
        """;

    [Fact]
    public void ReverseItems_CountFromTheOtherEnd()
    {
        var definition = InstrumentDefinition.Parse(ReverseScored).Definition.ShouldNotBeNull();

        definition.Score([4, 1]).ShouldBe(new InstrumentScore(8, "High"));
        definition.Score([1, 4]).ShouldBe(new InstrumentScore(2, "Low"));
        definition.Score([2, 2]).ShouldBe(new InstrumentScore(5, "High"));
    }

    [Fact]
    public void ItemsMayHaveTheirOwnOptions()
    {
        var definition = InstrumentDefinition.Parse("""
            { "name": "Mixed", "options": [ { "value": 0, "label": "No" }, { "value": 1, "label": "Yes" } ],
              "items": [ { "text": "Shared" }, { "text": "Own", "options": [ { "value": 0, "label": "Low" }, { "value": 5, "label": "High" } ] } ],
              "bands": [ { "min": 0, "max": 6, "label": "All" } ] }
            """).Definition.ShouldNotBeNull();

        definition.Score([1, 5]).Total.ShouldBe(6);
        Should.Throw<ArgumentException>(() => definition.Score([1, 1]));
    }

    [Fact]
    public void DescribeChange_UsesWhichWayIsBetter()
    {
        Phq9.DescribeChange(16, 10).ShouldBe("improved by 6 (reliable change)");
        Phq9.DescribeChange(10, 13).ShouldBe("worsened by 3");
        Phq9.DescribeChange(8, 8).ShouldBe("no change");
        Relationships.DescribeChange(8, 14).ShouldBe("improved by 6");
        Relationships.DescribeChange(14, 11).ShouldBe("worsened by 3");
        Gad7.DescribeChange(6, 10).ShouldBe("worsened by 4 (reliable change)");
    }

    [Theory]
    [InlineData("", "Enter the instrument's definition as JSON")]
    [InlineData("{ \"name\": ", "The definition is not valid JSON")]
    [InlineData("[]", "The definition is not valid JSON")]
    [InlineData("{ \"items\": [ { \"text\": \"A\" } ], \"options\": [ { \"value\": 0, \"label\": \"No\" }, { \"value\": 1, \"label\": \"Yes\" } ], \"bands\": [ { \"min\": 0, \"max\": 1, \"label\": \"All\" } ] }", "The definition has no name")]
    [InlineData("{ \"name\": \"X\", \"options\": [ { \"value\": 0, \"label\": \"No\" }, { \"value\": 1, \"label\": \"Yes\" } ], \"bands\": [ { \"min\": 0, \"max\": 1, \"label\": \"All\" } ] }", "The definition has no items")]
    [InlineData("{ \"name\": \"X\", \"items\": [ { \"text\": \"A\" } ], \"bands\": [ { \"min\": 0, \"max\": 1, \"label\": \"All\" } ] }", "Item 1 has no answer options")]
    [InlineData("{ \"name\": \"X\", \"items\": [ { \"text\": \"A\" } ], \"options\": [ { \"value\": 1, \"label\": \"No\" }, { \"value\": 1, \"label\": \"Yes\" } ], \"bands\": [ { \"min\": 1, \"max\": 1, \"label\": \"All\" } ] }", "use the value 1 more than once")]
    [InlineData("{ \"name\": \"X\", \"items\": [ { \"text\": \"\" } ], \"options\": [ { \"value\": 0, \"label\": \"No\" }, { \"value\": 1, \"label\": \"Yes\" } ], \"bands\": [ { \"min\": 0, \"max\": 1, \"label\": \"All\" } ] }", "Item 1 has no text")]
    [InlineData("{ \"name\": \"X\", \"scoring\": \"mean\", \"items\": [ { \"text\": \"A\" } ], \"options\": [ { \"value\": 0, \"label\": \"No\" }, { \"value\": 1, \"label\": \"Yes\" } ], \"bands\": [ { \"min\": 0, \"max\": 1, \"label\": \"All\" } ] }", "only \"sum\" is")]
    [InlineData("{ \"name\": \"X\", \"items\": [ { \"text\": \"A\" } ], \"options\": [ { \"value\": 0, \"label\": \"No\" }, { \"value\": 1, \"label\": \"Yes\" } ] }", "The definition has no bands")]
    public void Parse_ExplainsWhatIsWrong(string json, string message)
    {
        var result = InstrumentDefinition.Parse(json);

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Contains(message, StringComparison.Ordinal), string.Join(" | ", result.Errors));
    }

    private static string WithBands(string bands) =>
        $$"""{ "name": "X", "options": [ { "value": 0, "label": "No" }, { "value": 1, "label": "Some" }, { "value": 2, "label": "Yes" } ], "items": [ { "text": "A" }, { "text": "B" }, { "text": "C" } ], "bands": [ {{bands}} ] }""";

    [Theory]
    [InlineData("""{ "min": 0, "max": 2, "label": "Low" }, { "min": 4, "max": 6, "label": "High" }""", "No band covers scores 3 to 3")]
    [InlineData("""{ "min": 0, "max": 3, "label": "Low" }, { "min": 3, "max": 6, "label": "High" }""", "Bands \"Low\" and \"High\" overlap")]
    [InlineData("""{ "min": 1, "max": 6, "label": "All" }""", "The bands must start at the lowest possible score, 0")]
    [InlineData("""{ "min": 0, "max": 5, "label": "All" }""", "The bands must end at the highest possible score, 6")]
    [InlineData("""{ "min": 0, "max": 9, "label": "All" }""", "The bands must end at the highest possible score, 6")]
    [InlineData("""{ "min": 4, "max": 2, "label": "Backwards" }""", "Band 1 has a min greater than its max")]
    [InlineData("""{ "min": 0, "max": 6 }""", "Band 1 has no label")]
    public void Parse_BandsMustCoverEveryScoreExactlyOnce(string bands, string message)
    {
        var result = InstrumentDefinition.Parse(WithBands(bands));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Contains(message, StringComparison.Ordinal), string.Join(" | ", result.Errors));
    }

    [Fact]
    public void Parse_BandsInAnyOrderCoveringEveryScore_IsValid() =>
        InstrumentDefinition.Parse(WithBands("""{ "min": 4, "max": 6, "label": "High" }, { "min": 0, "max": 3, "label": "Low" }""")).IsValid.ShouldBeTrue();

    [Fact]
    public void TheReadmesExampleOfALicensedInstrument_ParsesAndScores()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var parsed = InstrumentDefinition.Parse(json);

        parsed.Errors.ShouldBeEmpty();
        var definition = parsed.Definition.ShouldNotBeNull();
        definition.Code.ShouldBe("SWEMWBS");
        definition.Score([5]).Band.ShouldBe("High");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Throughcare.slnx")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("The repository root was not found.");
        }

        return folder.FullName;
    }
}
