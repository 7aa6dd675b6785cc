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
    public void No_alias_names_two_actors()
    {
        // Aliases are compared folded, as the matcher reads them ("EuG" is "EUG"); of two entries with the same folded
        // alias the matcher silently keeps the first, so the second would never be found by it.
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (var a in Vocabulary.Value.Actors)
            foreach (var alias in a.Aliases.Append(a.Name))
            {
                var key = string.Join(' ', ActorVocabulary.Tokens(alias).Select(t => t.Text));
                if (key.Length == 0) clashes.Add($"'{alias}' ({a.Name}) has no words");
                else if (!owners.TryAdd(key, a.Name) && owners[key] != a.Name) clashes.Add($"'{alias}' ({a.Name}) is also {owners[key]}");
            }
        Assert.Empty(clashes);
    }

    [Theory]
    // Names in the forms held-out texts wrote them, once missing from the vocabulary.
    [InlineData("Le Tribunal de l'Union européenne a rejeté le recours.", "Court of Justice of the European Union")]
    [InlineData("Urteil des Gerichts der Europäischen Union in der Rechtssache T-1/22", "Court of Justice of the European Union")]
    [InlineData("Спецдокладчик ООН по вопросам пыток направил властям запрос", "UN Special Rapporteur on torture")]
    [InlineData("Спэцыяльная дакладчыца ААН па свабодзе выказваньня заклікала", "UN Special Rapporteur on freedom of expression")]
    [InlineData("Pytania skierowała Grupa Robocza ONZ ds. Wymuszonych lub Przymusowych Zaginięć", "UN Working Group on Enforced or Involuntary Disappearances")]
    [InlineData("JT darbo grupė: sulaikymas savavališkas", "UN Working Group on Arbitrary Detention")]
    [InlineData("представитель Управления ООН по правам человека", "OHCHR")]
    [InlineData("Recommandation de l'Assemblée parlementaire sur le Bélarus", "PACE")]
    [InlineData("国际奥委会执委会决定", "IOC")]
    [InlineData("MAK zabaraniŭ naviedvać Alimpijskija hulni", "IOC")]
    [InlineData("中方愿同白方一道推动两国关系", "China")]
    [InlineData("The Republic of Belarus (Sanctions) (EU Exit) (Amendment) Regulations 2021", "United Kingdom")]
    public void Names_in_the_monitors_languages_are_found(string text, string expected) =>
        Assert.Contains(Vocabulary.Value.FindMentions(text), m => m.Actor.Name == expected);

    [Fact]
    public void An_acronym_written_in_lower_case_is_a_word_not_an_actor()
    {
        var v = new ActorVocabulary([new ActorEntry { Name = "World Health Organization", Type = "igo", Aliases = ["WHO"] }]);
        Assert.Empty(v.FindMentions("Those who protested were detained. Who decides?"));
        Assert.Single(v.FindMentions("The WHO said it was concerned."));
    }

    [Theory]
    // English possessive and Turkish case endings after an apostrophe: the name is the word before it.
    [InlineData("Japan's Cabinet approved an asset freeze on four Belarusian individuals.", "Japan")]
    [InlineData("Litvanya'nın Dışişleri Bakanlığı, Beyaz Rusya büyükelçisini çağırdı.", "Litvanya")]
    // Hebrew and Arabic write "and", "to", "the", "in" as prefixes of the next word.
    [InlineData("ולפולין הודיעה על סגירת מעבר הגבול עם בלארוס.", "פולין")]
    [InlineData("وليتوانيا طردت دبلوماسيين من بيلاروس.", "ليتوانيا")]
    // Japanese, Chinese and Korean run words together (Korean with particles attached).
    [InlineData("リトアニア政府は、ベラルーシの当局者に制裁を科した。", "リトアニア")]
    [InlineData("欧盟理事会对白俄罗斯实施了新的制裁。", "欧盟")]
    [InlineData("리투아니아는 벨라루스 외교관을 추방했다.", "리투아니아")]
    public void Names_are_found_inside_the_forms_other_languages_write_them(string text, string alias)
    {
        var v = new ActorVocabulary([new ActorEntry { Name = "Somewhere", Type = "state", Aliases = [alias] }]);
        var mention = Assert.Single(v.FindMentions(text));
        Assert.Equal("Somewhere", mention.Actor.Name);
        // The mention's span covers the name as written (with an attached prefix, without an ending).
        Assert.Contains(alias, text.Substring(mention.Start, mention.Length));
    }

    [Theory]
    [InlineData("The European Union's foreign ministers met.")]     // a multi-word alias before a possessive
    [InlineData("Об'єднаних Націй")]                                // a Ukrainian apostrophe inside a word stays one word
    public void Inner_apostrophes_do_not_break_multi_word_aliases(string text)
    {
        var v = new ActorVocabulary(
        [
            new ActorEntry { Name = "European Union", Type = "igo", Aliases = ["European Union"] },
            new ActorEntry { Name = "United Nations", Type = "igo", Aliases = ["Організація Об'єднаних Націй", "Об'єднаних Націй"] },
        ]);
        Assert.Single(v.FindMentions(text));
    }

    [Fact]
    public void A_prefix_is_only_taken_off_when_the_whole_word_is_not_a_name_and_never_in_latin_script()
    {
        var v = new ActorVocabulary(
        [
            new ActorEntry { Name = "Lebanon", Type = "state", Aliases = ["لبنان"] },
            new ActorEntry { Name = "Benin", Type = "state", Aliases = ["بنان"] },
            new ActorEntry { Name = "Oman", Type = "state", Aliases = ["Oman"] },
        ]);
        Assert.Equal("Lebanon", Assert.Single(v.FindMentions("لبنان يدين القمع")).Actor.Name);   // ل is part of the name here
        Assert.Empty(v.FindMentions("Woman rights groups protested."));                       // "Woman" is not w + Oman
    }

    [Theory]
    // Case endings: the alias as written in the vocabulary, the text in another case.
    [InlineData("Zgromadzenie Parlamentarne NATO", "Rezolucja Zgromadzenia Parlamentarnego NATO w sprawie Białorusi")]
    [InlineData("Генсек ООН", "Пресс-секретарь генсека ООН заявил о беспокойстве")]
    [InlineData("Союзное государство", "в рамках Союзного государства")]
    [InlineData("Auswärtiges Amt", "Ein Sprecher des Auswärtigen Amts sagte am Montag")]
    [InlineData("Литва", "Беларусь обвинила Литву в провокации")]
    [InlineData("Вясна", "паведамілі ў праваабарончым цэнтры «Вясны»")]
    [InlineData("პოლონეთი", "პოლონეთმა საზღვარი დახურა")]
    [InlineData("Europol", "Europola potwierdził udział")]
    public void Inflected_forms_of_an_alias_are_found(string alias, string text)
    {
        var v = new ActorVocabulary([new ActorEntry { Name = "Somewhere", Type = "igo", Aliases = [alias] }]);
        Assert.Equal("Somewhere", Assert.Single(v.FindMentions(text)).Actor.Name);
        Assert.Empty(new ActorVocabulary(v.Actors) { MatchInflected = false }.FindMentions(text)); // only as an inflected form
    }

    [Theory]
    // A one-word name inflects only from its last vowel, with a capital, and long enough not to be another word.
    [InlineData("Вясна", "Арышты пачаліся вясной")]                 // "in spring", not Viasna
    [InlineData("Europol", "Europos Sąjunga priėmė sankcijas")]      // Lithuanian "of Europe": Europol ends in a consonant
    [InlineData("Lätis", "The Latin text of the treaty")]            // a short Latin-script name does not inflect
    [InlineData("آلمان", "في العام الماضي")]                          // nor a short Arabic-script one ("the past")
    [InlineData("Romania", "Roman Protasevich was arrested")]        // a shorter word is not a form of the name
    public void Words_that_only_look_like_a_form_of_an_alias_are_not_found(string alias, string text)
    {
        var v = new ActorVocabulary([new ActorEntry { Name = "Somewhere", Type = "state", Aliases = [alias] }]);
        Assert.Empty(v.FindMentions(text));
    }

    [Fact]
    public void A_body_is_within_its_parents_and_the_vocabulary_says_so()
    {
        var v = Vocabulary.Value;
        Assert.True(v.IsWithin(v.Resolve("PACE")!, v.Resolve("Council of Europe")!));
        Assert.True(v.IsWithin(v.Resolve("UN Special Rapporteur on Belarus")!, v.Resolve("United Nations")!)); // through Special Procedures
        Assert.True(v.IsWithin(v.Resolve("Nobel Committee")!, v.Resolve("Norway")!));
        Assert.False(v.IsWithin(v.Resolve("Council of Europe")!, v.Resolve("PACE")!));
        Assert.False(v.IsWithin(v.Resolve("Norway")!, v.Resolve("Nobel Committee")!));
        // Every parent named in the vocabulary is an actor of it.
        Assert.All(v.Actors.Where(a => a.Parent is not null), a => Assert.NotNull(v.Resolve(a.Parent)));
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

    [Theory]
    [InlineData("白俄罗斯外交部表示反对。")]                    // Belarus's foreign ministry: "Belarus" ends in "Russia"
    [InlineData("白ロシアは反対した")]                          // Japanese, the old name
    [InlineData("أعلنت روسيا البيضاء رفضها")]                  // Arabic "White Russia"
    public void Belarus_written_as_white_Russia_names_no_actor(string text) =>
        Assert.Empty(Vocabulary.Value.FindMentions(text));

    [Fact]
    public void Russia_beside_white_Russia_is_still_found()
    {
        var found = Vocabulary.Value.FindMentions("白俄罗斯和俄罗斯外交部");
        Assert.Equal("Russia", Assert.Single(found).Actor.Name);
    }

    [Fact]
    public void A_Devanagari_name_keeps_its_vowel_signs()
    {
        var found = Vocabulary.Value.FindMentions("रूस ने कहा। रास्ता बंद है।"); // "Russia said. The road is closed."
        Assert.Equal(0, Assert.Single(found).Start);
    }

    [Fact]
    public void A_name_that_is_also_a_word_matches_only_in_quotes()
    {
        var v = Vocabulary.Value;
        var found = v.FindMentions("Весна пришла в Минск, весна. Центр «Вясна» заявил, и правозащитники « Весны » тоже.");
        Assert.Equal(2, found.Count);
        Assert.All(found, m => Assert.Equal("Viasna", m.Actor.Name));
        Assert.Equal("Viasna", v.Resolve("«Вясна»")!.Name);
    }
}
