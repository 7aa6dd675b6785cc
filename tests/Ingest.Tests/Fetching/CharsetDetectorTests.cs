using System.Text;
using Pipeline.Ingest.Fetching;

namespace Pipeline.Ingest.Tests.Fetching;

public class CharsetDetectorTests
{
    static CharsetDetectorTests() => CharsetDetector.EnsureRegistered();

    private const string Russian = "Евросоюз ввёл новые санкции против режима Лукашенко и заморозил активы чиновников";

    [Fact]
    public void Decode_Windows1251DeclaredInHeader_DecodesCyrillic()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes($"<rss><title>{Russian}</title></rss>");
        Assert.Contains(Russian, CharsetDetector.Decode(bytes, "text/xml; charset=windows-1251"));
    }

    [Fact]
    public void Decode_Koi8rDeclaredInXml_DecodesCyrillic()
    {
        var bytes = Encoding.GetEncoding("koi8-r").GetBytes($"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><title>{Russian}</title></rss>");
        Assert.Contains(Russian, CharsetDetector.Decode(bytes, "application/xml"));
    }

    [Theory]
    [InlineData(1251)]
    [InlineData(20866)] // KOI8-R
    public void Decode_UndeclaredCyrillic_TellsCodePagesApart(int codePage)
    {
        var bytes = Encoding.GetEncoding(codePage).GetBytes($"<rss><title>{Russian}</title><description>{Russian}. {Russian}</description></rss>");
        Assert.Contains(Russian, CharsetDetector.Decode(bytes, null));
    }

    [Fact]
    public void Decode_MetaCharsetInHtml_IsUsed()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes($"<html><head><meta charset=\"windows-1251\"></head><body>{Russian}</body></html>");
        Assert.Contains(Russian, CharsetDetector.Decode(bytes, "text/html"));
    }

    [Fact]
    public void Decode_DeclaredLatin1ButUtf8Bytes_TrustsTheBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><title>Außenministerin Baerbock verurteilt Urteil gegen Białoruś-Journalisten</title></rss>");
        Assert.Contains("Außenministerin", CharsetDetector.Decode(bytes, null));
    }

    [Fact]
    public void Decode_Utf16WithBom_Decodes()
    {
        var text = "<rss><title>Беларусь</title></rss>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        Assert.Equal(text, CharsetDetector.Decode(bytes, null));
    }

    [Fact]
    public void Decode_BogusCharsetName_FallsBackWithoutThrowing()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><rss><title>Мінск</title></rss>");
        Assert.Contains("Мінск", CharsetDetector.Decode(bytes, "text/xml; charset=bogus"));
    }

    [SkippableFact]
    public void Decode_Koi8rFixtureWithoutEncodingInfo_ReadsRussian()
    {
        var bytes = File.ReadAllBytes(SharedData.Require("fixtures/feeds/synthetic_rss_ru_koi8-r_no-encoding-info.xml"));
        var text = CharsetDetector.Decode(bytes, null);
        Assert.Matches("[а-я]{4,}", text);
    }

    [SkippableFact]
    public void Decode_Windows1251Fixture_ReadsRussian()
    {
        var bytes = File.ReadAllBytes(SharedData.Require("fixtures/feeds/rss20_ibash-org-ru_ru_windows-1251.xml"));
        Assert.Matches("[а-я]{4,}", CharsetDetector.Decode(bytes, "application/rss+xml"));
    }

    [Fact]
    public void Decode_OwnKoi8rFixtureWithoutEncodingInfo_ReadsRussian()
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedData.Fixtures, "feeds", "rss_koi8-r_no-encoding-info_ru.xml"));
        Assert.Contains("В парке открылся каток", CharsetDetector.Decode(bytes, null));
    }

    [Fact]
    public void Decode_OwnWindows1251Fixture_ReadsRussian()
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedData.Fixtures, "feeds", "rss20_windows-1251_ru.xml"));
        Assert.Contains("Обрезка яблонь в марте", CharsetDetector.Decode(bytes, "application/rss+xml"));
    }
}
