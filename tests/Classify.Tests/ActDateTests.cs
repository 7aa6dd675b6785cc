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
}
