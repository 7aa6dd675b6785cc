using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Ingest.Fetching;

/// <summary>
/// Turns fetched bytes into text. Order of evidence: byte-order mark, the HTTP <c>charset</c>,
/// the XML declaration, an HTML <c>&lt;meta charset&gt;</c>, then the bytes themselves. A declared
/// single-byte charset is overruled when the bytes are valid multi-byte UTF-8 (a common publisher
/// mistake); undeclared Cyrillic is told apart between windows-1251 and KOI8-R by letter case statistics.
/// Pure: no I/O.
/// </summary>
public static partial class CharsetDetector
{
    static CharsetDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Makes the code-page encodings (windows-125x, KOI8-R, ISO-8859-x) available.</summary>
    public static void EnsureRegistered() { }

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeHeader) =>
        Detect(bytes, contentTypeHeader, out var skip).GetString(bytes[skip..]);

    /// <summary>Chooses an encoding; <paramref name="bomLength"/> is the number of BOM bytes to skip.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> bytes, string? contentTypeHeader, out int bomLength)
    {
        bomLength = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { bomLength = 3; return Utf8; }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { bomLength = 2; return Encoding.Unicode; }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { bomLength = 2; return Encoding.BigEndianUnicode; }
        // UTF-16 without BOM: '<' interleaved with zero bytes.
        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0) return Encoding.BigEndianUnicode;
        if (bytes.Length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[3] == 0) return Encoding.Unicode;

        var declared = FromName(CharsetFromContentType(contentTypeHeader)) ?? FromName(DeclaredInDocument(bytes));
        bool validUtf8 = IsValidUtf8(bytes, out bool hasMultiByte);
        if (declared is not null)
        {
            if (declared is UnicodeEncoding) return declared;
            // A UTF-8 declaration over bytes that are not UTF-8 (a misconfigured server) is overruled by the bytes.
            if (declared.CodePage == Utf8.CodePage) return validUtf8 ? Utf8 : GuessSingleByte(bytes);
            // A single-byte declaration over bytes that are valid UTF-8 with multi-byte sequences is almost always wrong.
            if (validUtf8 && hasMultiByte && declared.IsSingleByte) return Utf8;
            return declared;
        }
        if (validUtf8) return Utf8;
        return GuessSingleByte(bytes);
    }

    private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

    internal static string? CharsetFromContentType(string? header)
    {
        if (string.IsNullOrEmpty(header)) return null;
        var m = HeaderCharset().Match(header);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>XML declaration or HTML meta charset within the first 4 KB (read as ASCII).</summary>
    internal static string? DeclaredInDocument(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = XmlDeclEncoding().Match(head);
        if (m.Success) return m.Groups[1].Value;
        m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    internal static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        name = name.Trim().Trim('"', '\'');
        // Common aliases browsers accept but .NET may not.
        name = name.ToLowerInvariant() switch
        {
            "utf8" => "utf-8",
            "latin1" or "latin-1" => "iso-8859-1",
            "cp1251" or "win-1251" => "windows-1251",
            "cp1252" => "windows-1252",
            "x-cp1251" => "windows-1251",
            _ => name,
        };
        try
        {
            var e = Encoding.GetEncoding(name);
            // As browsers do (WHATWG), ISO-8859-1 and US-ASCII mean windows-1252.
            if (e.CodePage is 28591 or 20127) return Encoding.GetEncoding(1252);
            return e;
        }
        catch (ArgumentException) { return null; }
    }

    internal static bool IsValidUtf8(ReadOnlySpan<byte> bytes, out bool hasMultiByte)
    {
        hasMultiByte = false;
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80) { i++; continue; }
            int n = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
            if (n < 0 || (b >= 0xF5)) return false;
            if (i + n >= bytes.Length)
            {
                // A multi-byte character cut off by the end of the body (a truncated download) is tolerated.
                for (int k = i + 1; k < bytes.Length; k++)
                    if ((bytes[k] & 0xC0) != 0x80) return false;
                return true;
            }
            for (int k = 1; k <= n; k++)
                if ((bytes[i + k] & 0xC0) != 0x80) return false;
            hasMultiByte = true;
            i += n + 1;
        }
        return true;
    }

    /// <summary>
    /// Undeclared, not UTF-8. Cyrillic text is mostly lower case: windows-1251 puts lower-case letters in
    /// 0xE0–0xFF, KOI8-R in 0xC0–0xDF. Otherwise windows-1252, the web's default.
    /// </summary>
    internal static Encoding GuessSingleByte(ReadOnlySpan<byte> bytes)
    {
        int c0 = 0, e0 = 0, high = 0;
        foreach (var b in bytes)
        {
            if (b >= 0x80) high++;
            if (b >= 0xC0 && b <= 0xDF) c0++;
            else if (b >= 0xE0) e0++;
        }
        bool cyrillicLike = high > 20 && (c0 + e0) > high * 0.7;
        if (cyrillicLike) return Encoding.GetEncoding(e0 >= c0 ? 1251 : 20866);
        return Encoding.GetEncoding(1252);
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex HeaderCharset();
    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""']([\w\-:.]+)[""']", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex XmlDeclEncoding();
    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([\w\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MetaCharset();
}
