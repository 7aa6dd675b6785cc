using Pipeline.Classify.Facts;

namespace Pipeline.Classify.Tests;

/// <summary>The lifecycle of a response (issue 15): called for, announced, adopted, extended or lifted, with its sentence.</summary>
public class LifecycleTests
{
    [Theory]
    // en
    [InlineData("Lithuania calls on the EU to impose sanctions on Belaruskali.", "called_for")]
    [InlineData("The ministers urged the Commission to prepare a sixth package.", "called_for")]
    [InlineData("The Council imposed restrictive measures on 78 individuals and 7 entities.", "adopted")]
    [InlineData("The Council today decided to extend the restrictive measures until 28 February 2025.", "extended")]
    [InlineData("The EU renewed its sanctions against Belarus for another year.", "extended")]
    [InlineData("Washington lifted sanctions on Belavia after the prisoner release.", "lifted")]
    [InlineData("Three officials were removed from the sanctions list.", "lifted")]
    [InlineData("The United Kingdom will impose new sanctions next week.", "announced")]
    [InlineData("Brussels is preparing a new package of sanctions against Minsk.", "announced")]
    [InlineData("The foreign ministry condemned the sentencing of the journalists.", "adopted")]
    [InlineData("Canada does not recognise the results of the election.", "adopted")]
    // de, fr
    [InlineData("Die Bundesregierung fordert die EU auf, weitere Sanktionen zu verhängen.", "called_for")]
    [InlineData("Der Rat hat die Sanktionen gegen Belarus um ein Jahr verlängert.", "extended")]
    [InlineData("Die EU hat neue Sanktionen gegen Belarus verhängt.", "adopted")]
    [InlineData("La France appelle l'Union européenne à adopter de nouvelles sanctions.", "called_for")]
    [InlineData("Le Conseil a prolongé les mesures restrictives jusqu'au 28 février 2025.", "extended")]
    [InlineData("Les États-Unis ont levé les sanctions visant Belavia.", "lifted")]
    // ru, be, uk
    [InlineData("Литва призывает ЕС ввести санкции против Беларуськалия.", "called_for")]
    [InlineData("Совет ЕС продлил санкции против Беларуси на год.", "extended")]
    [InlineData("США сняли санкции с Белавиа.", "lifted")]
    [InlineData("Евросоюз ввел санкции против 25 чиновников.", "adopted")]
    [InlineData("Літва заклікае ЕС увесці санкцыі супраць Беларуськалія.", "called_for")]
    [InlineData("Рада ЄС продовжила санкції проти Білорусі на рік.", "extended")]
    [InlineData("Україна запровадила санкції проти Білорусі.", "adopted")]
    // pl, lt, lv, et
    [InlineData("Polska wzywa UE do nałożenia sankcji na Białoruś.", "called_for")]
    [InlineData("Rada UE przedłużyła sankcje wobec Białorusi o rok.", "extended")]
    [InlineData("Lietuva ragina ES įvesti sankcijas Baltarusijai.", "called_for")]
    [InlineData("ES pratęsė sankcijas Baltarusijai dar metams.", "extended")]
    [InlineData("Latvija aicina ES noteikt sankcijas Baltkrievijai.", "called_for")]
    [InlineData("Eesti nõuab Valgevene vastu uusi sanktsioone.", "called_for")]
    [InlineData("EL pikendas Valgevene sanktsioone aasta võrra.", "extended")]
    public void A_sentence_says_its_lifecycle(string sentence, string expected)
    {
        var fact = Lifecycle.Find(null, sentence);
        Assert.NotNull(fact);
        Assert.Equal(expected, fact.Value);
        Assert.Equal(sentence, fact.Evidence);
    }

    [Fact]
    public void An_earlier_act_recalled_in_a_clause_is_not_the_act_of_the_text()
    {
        var fact = Lifecycle.Find(null, "The EU, which imposed sanctions last year, now calls on Minsk to release all prisoners.");
        Assert.Equal("called_for", fact?.Value);
    }

    [Fact]
    public void A_rejected_call_is_not_a_call()
    {
        var fact = Lifecycle.Find(null, "The Hungarian foreign ministry rejected calls for new sanctions and condemned them as useless.");
        Assert.NotEqual("called_for", fact?.Value);
    }

    [Fact]
    public void A_statement_demanding_sanctions_is_a_call_even_after_a_condemnation()
    {
        const string text = "The ministers condemned the violence against protesters. "
                            + "They called on the Council to impose sanctions on those responsible.";
        Assert.Equal("adopted", Lifecycle.Find(null, text)?.Value);
        var fact = Lifecycle.Find(null, text, "statement");
        Assert.Equal("called_for", fact?.Value);
        Assert.StartsWith("They called on", fact!.Evidence);
        Assert.Equal(text.IndexOf("They called", StringComparison.Ordinal), fact.Start);
    }

    [Fact]
    public void A_sanctions_renewal_is_extended_and_easing_is_lifted()
    {
        const string renewal = "The Council adopted a decision on Belarus. The listings of 195 persons were extended until February.";
        Assert.Equal("extended", Lifecycle.Find(null, renewal, "targeted_sanctions")?.Value);
        var licence = Lifecycle.Find(null, "The Treasury issued a licence for potash transactions.", "economic_measures", "easing");
        Assert.Equal("lifted", licence?.Value);
    }

    [Theory]
    [InlineData("Orlen said it would not renew its supply contract with Naftan.")]
    [InlineData("Концерн уведомил, что не продлит контракт на поставки нефтепродуктов.")]
    [InlineData("Laufende Serviceverträge sollen nicht verlängert werden.")]
    public void A_refused_extension_is_not_an_extension(string sentence) =>
        Assert.Equal("adopted", Lifecycle.Find(null, sentence)?.Value);

    [Fact]
    public void Renewing_a_call_is_a_call_and_extending_a_list_to_more_people_is_new_listings()
    {
        Assert.Equal("called_for", Lifecycle.Find(null, "The ETUC renewed its call on the ILO to keep Belarus under scrutiny.")?.Value);
        var listings = Lifecycle.Find(null, "Lithuania extends national blacklist to 118 Belarusian officials.", "targeted_sanctions");
        Assert.Equal("adopted", listings?.Value);
    }

    [Fact]
    public void A_resolution_or_an_investigation_that_calls_for_something_is_an_act_done()
    {
        const string text = "Baltic Assembly resolution urges sanctions enforcement on Belarus.";
        Assert.Equal("called_for", Lifecycle.Find(null, text)?.Value);
        Assert.Equal("adopted", Lifecycle.Find(null, text, "resolution")?.Value);
        Assert.Equal("adopted", Lifecycle.Find(null, "The group urges Belarus to release him.", "investigation")?.Value);
    }

    [Fact]
    public void A_response_reported_without_a_cue_is_adopted_with_its_first_sentence()
    {
        var fact = Lifecycle.Find("Polen: Grenzübergang dicht", "Der Übergang bleibt zu. Lkw stauen sich.", "diplomatic_measures");
        Assert.Equal("adopted", fact?.Value);
        Assert.True(fact!.InTitle);
        Assert.Equal("lifted", Lifecycle.Find(null, "Poland reopened the Kuźnica crossing.", "diplomatic_measures", "easing")?.Value);
        Assert.Null(Lifecycle.Find(null, "Poland reopened the Kuźnica crossing."));
    }

    [Fact]
    public void The_title_comes_first_and_its_evidence_says_so()
    {
        var fact = Lifecycle.Find("EU extends Belarus sanctions", "The Council adopted the decision on Monday.");
        Assert.Equal("extended", fact?.Value);
        Assert.True(fact!.InTitle);
        Assert.Equal(0, fact.Start);
    }

    [Fact]
    public void Nothing_said_or_not_a_response_is_null()
    {
        Assert.Null(Lifecycle.Find(null, "Minsk, 3 June. The weather was warm."));
        Assert.Null(Lifecycle.Find(null, "The EU imposed sanctions.", "not_a_response"));
        Assert.Null(Lifecycle.Find(null, ""));
    }

    [Fact]
    public void A_long_text_is_read_only_to_the_bound()
    {
        var text = string.Concat(Enumerable.Repeat("Nothing happens here ", 6_000)) + ". The EU imposed sanctions.";
        Assert.True(text.Length > Lifecycle.MaxChars);
        Assert.Null(Lifecycle.Find(null, text));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Lifecycle.Find(null, string.Concat(Enumerable.Repeat("The EU calls on everyone, which is nice; ", 5_000)));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }
}
