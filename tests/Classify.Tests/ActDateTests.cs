using Pipeline.Classify.Facts;

namespace Pipeline.Classify.Tests;

/// <summary>The date of the act (issue 15's <c>date</c>): from the text, in the main corpus languages, not the page's.</summary>
public class ActDateTests
{
    private static readonly DateOnly Page = new(2021, 12, 3); // a Friday

    [Theory]
    [InlineData("The Council today adopted a fifth package of sanctions against Belarus.", "2021-12-03")]
    [InlineData("Lithuania expelled two Belarusian diplomats yesterday.", "2021-12-02")]
    [InlineData("The Ministry summoned the chargé d'affaires on Monday.", "2021-11-29")]
    [InlineData("On 2 December the Council listed 17 individuals.", "2021-12-02")]
    [InlineData("On December 2, the Treasury designated 20 individuals.", "2021-12-02")]
    [InlineData("Der Rat hat am 2. Dezember weitere Sanktionen beschlossen.", "2021-12-02")]
    [InlineData("Le Conseil a adopté le 2 décembre de nouvelles sanctions.", "2021-12-02")]
    [InlineData("Рада ЄС 2 грудня ухвалила п'ятий пакет санкцій.", "2021-12-02")]
    [InlineData("Совет ЕС 2 декабря утвердил новые санкции.", "2021-12-02")]
    [InlineData("Рада ЕС 2 снежня зацвердзіла новыя санкцыі.", "2021-12-02")]
    [InlineData("Rada UE 2 grudnia przyjęła piąty pakiet sankcji.", "2021-12-02")]
    [InlineData("ES Taryba 2021 m. gruodžio 2 d. patvirtino penktąjį sankcijų paketą.", "2021-12-02")]
    [InlineData("ES Padome 2021. gada 2. decembrī pieņēma piekto sankciju paketi.", "2021-12-02")]
    [InlineData("Euroopa Liidu Nõukogu kiitis 2. detsembril heaks viienda sanktsioonide paketi.", "2021-12-02")]
    [InlineData("Decision of 2.12.2021 amending the list of persons.", "2021-12-02")]
    [InlineData("Published 2021-12-02. The list of designated persons was amended.", "2021-12-02")]
    public void The_date_of_the_act_is_read_in_many_forms(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ActDates.Find(null, text, Page)?.Date);

    [Fact]
    public void A_day_in_December_read_in_January_is_of_the_year_before()
    {
        var found = ActDates.Find(null, "On 28 December the ministry declared the consul persona non grata.", new DateOnly(2022, 1, 4));
        Assert.Equal(new DateOnly(2021, 12, 28), found?.Date);
        Assert.Equal("28 December", found?.Evidence);
    }

    [Fact]
    public void The_latest_date_not_after_the_page_is_the_acts_not_the_events_it_recalls()
    {
        const string text = "A year after the falsified election of 9 August 2020, the Council on 2 December adopted new listings. " +
            "The measures will be reviewed by 28 February 2022.";
        Assert.Equal(new DateOnly(2021, 12, 2), ActDates.Find(null, text, Page)?.Date);
    }

    [Theory]
    [InlineData("On 2 December the Council listed 17 individuals.")]        // a day without a year, and no page date
    [InlineData("The ministry summoned the chargé d'affaires yesterday.")] // relative, and no page date
    [InlineData("The Council adopted new listings against Belarus.")]     // no date at all
    [InlineData("Turnout was 84.5 percent, with 12 of 31 polling stations observed.")]
    public void Without_a_date_the_text_makes_certain_there_is_none(string text) => Assert.Null(ActDates.Find(null, text, null));

    [Fact]
    public void A_full_date_needs_no_page_date() =>
        Assert.Equal(new DateOnly(2020, 8, 9), ActDates.Find("Statement of 9 August 2020", "The EU calls for restraint.", null)?.Date);

    [Fact]
    public void Impossible_days_are_not_dates() =>
        Assert.Null(ActDates.Find(null, "Decision of 31.02.2021 and report 45 March.", Page));

    [Theory]
    [InlineData("Группа расследует нарушения, совершённые с 1 мая 2021 года.")]                       // ru: since
    [InlineData("Sejm wyraża solidarność z narodem, który od 9 sierpnia domaga się wolnych wyborów.")] // pl: since
    [InlineData("L'interdiction s'applique à compter du 20 novembre 2021 aux vols bélarusses.")]      // fr: from
    [InlineData("Die Gruppe untersucht Verstöße seit dem 1. Mai 2021.")]                              // de: since, across "dem"
    [InlineData("Sankcijos taikomos nuo 2021 m. lapkričio 20 d. visiems asmenims.")]                  // lt: from
    public void A_date_that_bounds_a_period_is_not_the_acts(string text) => Assert.Null(ActDates.Find(null, text, Page));

    [Fact]
    public void The_act_is_found_beside_a_date_that_bounds_a_period() =>
        Assert.Equal(new DateOnly(2021, 12, 2),
            ActDates.Find(null, "Der Rat hat am 2. Dezember die Maßnahmen bis zum 28. Februar verlängert, gültig seit dem 1. März 2021.", Page)
                ?.Date);

    [Theory]
    [InlineData("Lithuania stops the transit of potash on 1 February.", "2021-12-15")]           // the coming February, not the last
    [InlineData("Der Rat hat die Maßnahmen um ein Jahr bis 28. Februar verlängert.", "2023-02-24")]
    [InlineData("Депутаты не признают Лукашенко после истечения его полномочий 5 ноября.", "2020-09-18")]
    [InlineData("Määrus jõustub 2022. aasta 18. augustil.", "2022-08-16")]                         // et: year, day, month
    public void A_day_to_come_is_not_the_acts(string text, string page) =>
        Assert.Null(ActDates.Find(null, text, DateOnly.Parse(page)));

    [Theory]
    [InlineData("Tartu, 9 March 2022\n\nThe rectorate suspended all cooperation at its meeting on Tuesday.", "2022-03-09", "2022-03-08")]
    [InlineData("Интервью | 16 июня 2023\n\nВ среду Международная конференция труда приняла резолюцию.", "2023-06-16", "2023-06-14")]
    [InlineData("Publié le 27 février 2023\n\nVILNIUS - Le Parlement a adopté mardi une résolution.", "2023-02-27", "2023-02-21")]
    [InlineData("26 января 2024 года\n\nВчера ПАСЕ приняла резолюцию о политзаключённых.", "2024-01-26", "2024-01-25")]
    [InlineData("15 februari 2023 | 09:40\n\nDe Tweede Kamer heeft dinsdag een motie aangenomen.", "2023-02-15", "2023-02-14")]
    // "today" as well: the dateline's day stays the act's.
    [InlineData("Nyon, 3. März 2022\n\nNeben den am Montag beschlossenen Maßnahmen betreffen die heutigen Entscheidungen auch Belarus.",
        "2022-03-03", "2022-03-03")]
    [InlineData("Brussels, 4 August 2022\n\nThe Council on Thursday listed 25 more persons.", "2022-08-04", "2022-08-04")]
    public void A_dateline_yields_to_the_day_the_lead_names(string text, string page, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ActDates.Find(null, text, DateOnly.Parse(page))?.Date);

    [Theory]
    [InlineData("Az EU főképviselője nyilatkozata | Brüsszel, 2024. augusztus 9.", null, "2024-08-09")]      // hu
    [InlineData("Spoločné vyhlásenie | Bratislava, 8. septembra 2020", null, "2020-09-08")]                  // sk
    [InlineData("STRASBOURG, 13 septembrie 2023 – Comitetul Miniștrilor a decis.", null, "2023-09-13")]      // ro
    [InlineData("La Habana, 11 ago. — El Ministerio felicitó al Gobierno.", "2020-08-11", "2020-08-11")]    // es abbreviation
    [InlineData("«Dommen er en hån», sa utenriksministeren i en uttalelse fredag.", "2023-03-04", "2023-03-03")] // no
    [InlineData("Ministras antradienį pasirašė sprendimą.", "2021-12-03", "2021-11-30")]                      // lt
    [InlineData("Le Conseil a adopté hier de nouvelles sanctions contre le régime.", "2021-12-03", "2021-12-02")] // fr "hier"
    public void More_languages_are_read(string text, string? page, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ActDates.Find(null, text, page is null ? null : DateOnly.Parse(page))?.Date);

    [Theory]
    [InlineData("Die Verhandlungen über die Sanktionen finden hier in Wien statt.")]  // German "hier" is "here"
    [InlineData("Five years ago 30 people were detained at the border.")]             // "ago" only after a day
    public void Words_that_only_look_like_dates_are_not_read(string text) => Assert.Null(ActDates.Find(null, text, Page));
}
