using Pipeline.Classify.Facts;

namespace Pipeline.Classify.Tests;

/// <summary>The legal acts a text names (issue 15's <c>legal_acts</c>), written in the forms official texts and news use.</summary>
public class LegalActTests
{
    [Theory]
    [InlineData("The Council adopted Implementing Regulation (EU) 2021/1030 today.", "eu", "Regulation (EU) 2021/1030", "CELEX:32021R1030")]
    [InlineData("Council Decision (CFSP) 2021/1031 of 24 June 2021", "eu", "Decision 2021/1031/CFSP", "CELEX:32021D1031")]
    [InlineData("amending Decision 2012/642/CFSP concerning restrictive measures", "eu", "Decision 2012/642/CFSP", "CELEX:32012D0642")]
    [InlineData("Council Regulation (EC) No 765/2006 of 18 May 2006", "eu", "Regulation (EC) No 765/2006", "CELEX:32006R0765")]
    [InlineData("Durchführungsverordnung (EU) 2022/2295 des Rates", "eu", "Regulation (EU) 2022/2295", "CELEX:32022R2295")]
    [InlineData("Rozporządzenie wykonawcze Rady (UE) 2024/1865 z dnia", "eu", "Regulation (EU) 2024/1865", "CELEX:32024R1865")]
    [InlineData("Решение Совета (ОВППБ) 2021/1031 о ограничительных мерах", "eu", "Decision 2021/1031/CFSP", "CELEX:32021D1031")]
    [InlineData("Beschluss (GASP) 2020/1388 des Rates", "eu", "Decision 2020/1388/CFSP", "CELEX:32020D1388")]
    [InlineData("Full text: EUR-Lex CELEX 32020R1387.", "celex", "32020R1387", "CELEX:32020R1387")]
    [InlineData("The Human Rights Council adopted resolution A/HRC/RES/47/19 on Belarus.", "un", "A/HRC/RES/47/19", "undocs.org/A/HRC/RES/47/19")]
    [InlineData("Report of the Special Rapporteur (A/HRC/53/52) presented in Geneva", "un", "A/HRC/53/52", "undocs.org/A/HRC/53/52")]
    [InlineData("Views adopted under the Optional Protocol, CCPR/C/135/D/2936/2017.", "un", "CCPR/C/135/D/2936/2017", "undocs.org/CCPR/C/135/D/2936/2017")]
    [InlineData("The Secretary of State, under the Republic of Belarus (Sanctions) (EU Exit) Regulations 2019 (S.I. 2019/600), designates", "uk_si", "SI 2019/600", "legislation.gov.uk/uksi/2019/600")]
    [InlineData("The Special Economic Measures (Belarus) Regulations, SOR/2020-214, are amended", "ca_sor", "SOR/2020-214", "SOR-2020-214")]
    public void A_reference_is_found_normalised_with_its_link(string text, string kind, string id, string link)
    {
        var act = Assert.Single(LegalActs.Find(text));
        Assert.Equal(kind, act.Kind);
        Assert.Equal(id, act.Id);
        Assert.Contains(link, act.Url);
        // The span is the reference as written.
        var number = System.Text.RegularExpressions.Regex.Matches(id, @"\d+").Last().Value;
        Assert.Contains(number, text.Substring(act.Start, act.Length));
    }

    [Fact]
    public void An_executive_order_is_found_without_a_link_the_number_cannot_give()
    {
        var act = Assert.Single(LegalActs.Find("President Biden signed Executive Order 14038 on 9 August 2021, blocking the property of additional persons."));
        Assert.Equal(("us_eo", "Executive Order 14038", (string?)null), (act.Kind, act.Id, act.Url));
    }

    [Fact]
    public void Each_act_is_listed_once_in_reading_order()
    {
        const string text = "Council Implementing Regulation (EU) 2021/1030 implements Article 8a(1) of Regulation (EC) No 765/2006. " +
            "Regulation (EU) 2021/1030 enters into force on the day of its publication. See also Decision 2012/642/CFSP.";
        Assert.Equal(["Regulation (EU) 2021/1030", "Regulation (EC) No 765/2006", "Decision 2012/642/CFSP"], LegalActs.Find(text).Select(a => a.Id));
    }

    [Theory]
    [InlineData("Turnout was 84/100 in the official count; 2020/21 season; page 12/2021.")]      // fractions, seasons, page numbers
    [InlineData("The ratio fell to A/75 while the B/2 series held.")]                              // not UN symbols
    [InlineData("In 2020 No. of arrests exceeded 30,000.")]                                        // "No." after a year is not an SI
    [InlineData("")]
    public void Numbers_that_only_look_like_references_are_not_acts(string text) => Assert.Empty(LegalActs.Find(text));

    [Fact]
    public void A_huge_text_is_read_only_up_to_the_bound()
    {
        var text = new string('7', LegalActs.MaxChars) + " Regulation (EU) 2021/1030";
        Assert.Empty(LegalActs.Find(text));
    }
}
