using Pipeline.Classify.Actors;

namespace Pipeline.Classify.Tests;

public class ActorTests
{
    private static readonly Lazy<ActorVocabulary> Vocabulary = new(() => ActorVocabulary.Load());

    [Theory]
    [InlineData("Conseil de l'UE")]
    [InlineData("conseil de l’UE")]
    [InlineData("Рада ЕС")]
    [InlineData("EU Council")]
    [InlineData("Council of the European Union")]
    public void Aliases_in_several_scripts_resolve_to_the_Council_of_the_EU(string alias) =>
        Assert.Equal("Council of the EU", Vocabulary.Value.Resolve(alias)?.Name);

    [Theory]
    [InlineData("Le Conseil de l'UE a adopté des sanctions.")]
    [InlineData("Рада ЕС зацвердзіла новыя санкцыі.")]
    [InlineData("The EU Council adopted new listings.")]
    public void Aliases_are_found_inside_texts(string text) =>
        Assert.Equal("Council of the EU", Vocabulary.Value.FindMentions(text).First().Actor.Name);

    [Fact]
    public void Names_and_aliases_are_unique()
    {
        var v = Vocabulary.Value;
        Assert.True(v.Actors.Count >= 150);
        Assert.Equal(v.Actors.Count, v.Actors.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(v.Actors, a => Assert.Contains(a.Type, Taxonomy.ActorTypes));
    }

    [Fact]
    public void An_acronym_written_in_lower_case_is_a_word_not_an_actor()
    {
        var v = new ActorVocabulary([new ActorEntry { Name = "World Health Organization", Type = "igo", Aliases = ["WHO"] }]);
        Assert.Empty(v.FindMentions("Those who protested were detained. Who decides?"));
        Assert.Single(v.FindMentions("The WHO said it was concerned."));
    }

    [Theory]
    [InlineData("The EU has added 25 judges to its Belarus sanctions list, freezing their assets.", "targeted_sanctions", "Council of the EU")]
    [InlineData("The EU said it does not recognise the results of the election in Belarus.", "statement", "EEAS")]
    [InlineData("Washington imposed travel bans on eight Belarusian officials.", "targeted_sanctions", "United States")]
    [InlineData("Lithuania condemned the new sanctions against Russia and Belarus.", "statement", "Lithuania")]
    [InlineData("Sanctions against Russia: Poland closes another border crossing with Belarus.", "diplomatic_measures", "Poland")]
    [InlineData("The German chancellor met with Sviatlana Tsikhanouskaya in Berlin.", "support", "Germany")]
    [InlineData("A conference in Vilnius heard that the Council of Europe will open a contact group.", "support", "Council of Europe")]
    public void The_resolver_picks_the_acting_actor(string text, string primary, string expected) =>
        Assert.Equal(expected, ActorResolver.Resolve(Vocabulary.Value, null, text, null, primary).Actor);

    [Fact]
    public void Unknown_text_uses_the_hint_then_unknown()
    {
        Assert.Equal("Lithuania", ActorResolver.Resolve(Vocabulary.Value, null, "Nothing named here.", "Lithuania").Actor);
        Assert.Equal("unknown", ActorResolver.Resolve(Vocabulary.Value, null, "Nothing named here.", null).Actor);
    }
}
