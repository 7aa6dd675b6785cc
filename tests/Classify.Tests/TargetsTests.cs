using Pipeline.Classify.Facts;

namespace Pipeline.Classify.Tests;

/// <summary>The targets of a measure a text names (issue 15), from the vocabulary in Data/targets.json.</summary>
public class TargetsTests
{
    [Fact]
    public void The_vocabulary_has_the_recurring_targets_with_unique_names()
    {
        var v = Targets.Vocabulary;
        Assert.True(v.Entries.Count >= 40);
        Assert.Equal(v.Entries.Count, v.Entries.Select(e => e.Name).Distinct().Count());
        Assert.All(v.Entries, e => Assert.Contains(e.Kind, new[] { "person", "entity" }));
        Assert.Equal("Belaruskali", v.Resolve("Беларуськалий")?.Name);
        Assert.Equal("Grodno Azot", v.Resolve("Гродно Азот")?.Name);
    }

    [Theory]
    [InlineData("The Council added Belaruskali and Belavia to the list.", "en", "Belaruskali|Belavia")]
    [InlineData("ЕС ввел санкции против Беларуськалия и Гродно Азота.", "ru", "Belaruskali|Grodno Azot")]
    [InlineData("Санкцыі ЗША закранулі Нафтан і Белшыну.", "be", "Naftan|Belshina")]
    [InlineData("Sankcje objęły Belszynę oraz Białoruskie linie lotnicze Belavia.", "pl", "Belshina|Belavia")]
    [InlineData("Die Sanktionen treffen Belaruskali, MAZ und BelAZ.", "de", "Belaruskali|MAZ|BelAZ")]
    public void Targets_of_a_sanctions_text_are_found_by_alias_and_inflection(string text, string language, string expected)
    {
        var found = Targets.Find(text, "targeted_sanctions");
        var names = found.Select(t => t.Name).ToList();
        Assert.True(expected.Split('|').SequenceEqual(names), $"{language}: {string.Join(", ", names)}");
        foreach (var t in found) Assert.InRange(t.Start + t.Length, 1, text.Length);
    }

    [Fact]
    public void A_mention_counts_in_a_statement_only_beside_a_measure_word()
    {
        Assert.Equal(["Belaruskali"], Targets.Find("Lithuania calls for sanctions on Belaruskali.", "statement").Select(t => t.Name));
        Assert.Empty(Targets.Find("The minister visited Belavia's office in Minsk.", "statement"));
        Assert.Empty(Targets.Find("The EU sanctioned Belaruskali.", "not_a_response"));
    }

    [Fact]
    public void Lukashenka_is_a_target_only_where_a_measure_names_him()
    {
        Assert.Empty(Targets.Find("Those listed include propagandists of the Lukashenka regime.", "targeted_sanctions"));
        Assert.Empty(Targets.Find("ЕС ввёл санкции против режима Лукашенко.", "targeted_sanctions"));
        Assert.Empty(Targets.Find("Lukashenka met the governor of Brest. The EU imposed an arms embargo.", "targeted_sanctions"));
        var t = Assert.Single(Targets.Find("The EU imposed an asset freeze on Lukashenka and his son Viktor Lukashenko in 2020.",
            "targeted_sanctions"), x => x.Name == "Aliaksandr Lukashenka");
        Assert.Equal("person", t.Kind);
    }

    [Fact]
    public void An_owner_a_speaker_or_the_people_of_a_name_are_not_the_name()
    {
        Assert.Empty(Targets.Find("OFAC designated Belaruskali's trading arm.", "targeted_sanctions"));
        Assert.Empty(Targets.Find("The EU listed officials. Belavia, the carrier, said it would lose.", "economic_measures"));
        Assert.Empty(Targets.Find("Sanctions hit the heads of the Belarusian state broadcaster.", "targeted_sanctions"));
    }

    [Fact]
    public void Each_target_once_at_its_first_mention_with_its_span()
    {
        const string text = "Listed: Belavia. Belavia flights are banned; Belavia appeals.";
        var t = Assert.Single(Targets.Find(text, "economic_measures"));
        Assert.Equal(text.IndexOf("Belavia", StringComparison.Ordinal), t.Start);
        Assert.Equal("Belavia", text.Substring(t.Start, t.Length));
    }

    [Fact]
    public void A_long_text_is_read_only_to_the_bound()
    {
        var text = new string('x', Targets.MaxChars) + " sanctions on Belaruskali";
        Assert.Empty(Targets.Find(text, "targeted_sanctions"));
        Assert.Empty(Targets.Find(null));
    }
}
