using Pipeline.Classify.Relevance;

namespace Pipeline.Classify.Tests.Relevance;

public class BelarusRelevanceTests
{
    [Theory]
    [InlineData("en", "The EU imposed new sanctions on Belarus today.")]
    [InlineData("en", "Lukashenka's regime jailed another journalist.")]
    [InlineData("en", "Tsikhanouskaya met the foreign ministers in Vilnius.")]
    [InlineData("ru", "Евросоюз расширил санкции против Беларуси.")]
    [InlineData("ru", "МИД Литвы осудил приговор в Белоруссии.")]
    [InlineData("ru", "Лукашенко заявил о закрытии границы.")]
    [InlineData("be", "Еўрасаюз увёў новыя санкцыі супраць Беларусі.")]
    [InlineData("be-latn", "Jeŭrasajuz uvioŭ novyja sankcyi suprać Biełarusi.")]
    [InlineData("uk", "Україна відкликала посла з Білорусі.")]
    [InlineData("pl", "Polska zamknęła przejście graniczne z Białorusią.")]
    [InlineData("lt", "Lietuva išsiuntė Baltarusijos diplomatus.")]
    [InlineData("lv", "Latvija paplašina sankcijas pret Baltkrieviju.")]
    [InlineData("et", "Eesti toetab Valgevene kodanikuühiskonda.")]
    [InlineData("de", "Die Bundesregierung verurteilt die Repressionen in Weißrussland.")]
    [InlineData("de", "Neue Sanktionen gegen Belarus beschlossen.")]
    [InlineData("fr", "La France condamne la répression en Biélorussie.")]
    [InlineData("fr", "Nouvelles sanctions contre le Bélarus.")]
    // Scripts the rule did not know before (real texts in Arabic and Armenian were filtered away as "irrelevant").
    [InlineData("ar", "أدان الاتحاد الأوروبي قمع المتظاهرين في بيلاروسيا.")]
    [InlineData("ar", "فرضت الولايات المتحدة عقوبات جديدة على روسيا البيضاء.")]
    [InlineData("ar", "وقال وزير الخارجية إن لوكاشينكو يتحمل المسؤولية.")]
    [InlineData("ar-prefix", "العقوبات الجديدة وبيلاروسيا في صلب النقاش.")]
    [InlineData("hy", "Եվրամիությունը նոր պատժամիջոցներ է սահմանել Բելառուսի դեմ։")]
    [InlineData("ka", "ევროკავშირმა ლუკაშენკოს რეჟიმს სანქციები დაუწესა.")]
    [InlineData("el", "Η Ελλάδα καταδικάζει την καταστολή στη Λευκορωσία.")]
    [InlineData("he", "האיחוד האירופי הטיל סנקציות חדשות על בלארוס.")]
    [InlineData("he-prefix", "השגריר דיבר על המצב ובבלארוס בכלל.")]
    [InlineData("zh", "欧盟宣布对白俄罗斯实施新一轮制裁。")]
    [InlineData("zh-Hant", "美國財政部對白俄羅斯國有企業實施制裁。")]
    [InlineData("ja", "日本政府はベラルーシに対する制裁を発表した。")]
    [InlineData("ko", "한국 정부는 벨라루스에 대한 제재를 발표했다.")]
    [InlineData("fa", "اتحادیه اروپا تحریم‌های تازه‌ای علیه بلاروس وضع کرد.")]
    [InlineData("tr", "Avrupa Birliği Beyaz Rusya'ya yeni yaptırımlar uyguladı.")]
    [InlineData("tr", "Lukaşenko rejimine karşı yeni yaptırımlar.")]
    [InlineData("hi", "यूरोपीय संघ ने बेलारूस पर नए प्रतिबंध लगाए।")]
    [InlineData("sl", "Slovenija obsoja nasilje v Belorusiji.")]
    [InlineData("hr", "Hrvatska podržava sankcije protiv Bjelorusije.")]
    public void Check_BelarusInManyLanguages_IsRelevant(string language, string text)
    {
        var r = BelarusRelevance.Check(null, text);
        Assert.True(r.IsAboutBelarus, $"{language}: {text}");
        Assert.NotEmpty(r.Matches);
    }

    [Theory]
    [InlineData("The EU adopted a 14th package of sanctions against Russia.")]
    [InlineData("Bulgaria and Belgium sign an energy agreement.")]
    [InlineData("The Minsk agreements on Donbas were discussed in Paris.")] // one weak term is not enough
    [InlineData("Brest, in Brittany, hosts a maritime festival.")]
    [InlineData("Евросоюз ввёл санкции против России.")]
    public void Check_OtherCountries_IsNotRelevant(string text)
    {
        Assert.False(BelarusRelevance.Check(null, text).IsAboutBelarus, text);
    }

    [Fact]
    public void Check_TwoBelarusianCitiesWithoutTheCountry_IsRelevant()
    {
        Assert.True(BelarusRelevance.Check("Protests in Minsk and Hrodna", "Thousands marched on Sunday.").IsAboutBelarus);
    }

    [Theory]
    [InlineData("Вялікабрытанія ўвяла санкцыі супраць кіраўнікоў дзяржаўнага тэлебачання. Іх брытанскія актывы замарожаныя.")]
    [InlineData("U Hrodnie zatrymali vykładčycu ŭniviersiteta za kamientar u sacsietkach. Joj pahražaje da šaści hadoŭ.")]
    public void Check_WrittenInBelarusianWithoutNamingTheCountry_IsKeptForTheClassifier(string text)
    {
        var r = BelarusRelevance.Check(null, text);
        Assert.True(r.IsAboutBelarus, text);
        Assert.Contains(BelarusRelevance.BelarusianLanguage, r.Matches);
        Assert.Equal(BelarusFocus.Undecided, BelarusRelevance.Focus(null, text));
    }

    [Fact]
    public void Check_RussianOrUkrainianWithoutTheCountry_IsNotKeptByLanguage()
    {
        // ў and ŭ are Belarusian letters; Russian and Ukrainian texts without a Belarus term stay out.
        Assert.False(BelarusRelevance.Check(null, "Евросоюз ввёл санкции против руководителей государственного телевидения.").IsAboutBelarus);
        Assert.False(BelarusRelevance.Check(null, "Україна запровадила санкції проти керівників державного телебачення.").IsAboutBelarus);
    }

    [Fact]
    public void Focus_BelarusInTheTitleOrLead_IsCentral()
    {
        Assert.Equal(BelarusFocus.Central, BelarusRelevance.Focus("EU widens sanctions on Belarus", "The Council listed 25 persons."));
        Assert.Equal(BelarusFocus.Central, BelarusRelevance.Focus(null, "Lithuania expelled a Belarusian diplomat on Monday."));
        Assert.Equal(BelarusFocus.Central, BelarusRelevance.Focus("Protests in Minsk and Hrodna", "Thousands marched on Sunday."));
    }

    [Fact]
    public void Focus_OnePassingMentionDeepInAnotherCountrysStory_IsUndecided()
    {
        var story = "The Council of the EU adopted a new package of listings against Russia. " + string.Concat(Enumerable.Repeat(
            "The measures target officials responsible for the death of an opposition politician in an Arctic penal colony. ", 5))
            + "Similar measures were taken against Belarus in earlier years.";
        Assert.True(BelarusRelevance.Check("EU sanctions on Russia", story).IsAboutBelarus);
        Assert.Equal(BelarusFocus.Undecided, BelarusRelevance.Focus("EU sanctions on Russia", story));
        Assert.Equal(BelarusFocus.Absent, BelarusRelevance.Focus(null, "The EU adopted a 14th package of sanctions against Russia."));
    }
}
