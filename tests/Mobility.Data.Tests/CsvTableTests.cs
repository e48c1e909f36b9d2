using System.Text;
using Mobility.Data.Import;

namespace Mobility.Data.Tests;

public class CsvTableTests
{
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["name"] = ["nom"], ["note"] = ["remarque"], ["first_name"] = ["prenom"],
    };

    private static CsvTable Read(string text, Encoding? encoding = null) =>
        CsvTable.Read(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text)), Columns);

    [Fact]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks_and_report_their_starting_line()
    {
        var table = Read("nom,remarque\n\"Muller, Anne\",\"dit \"\"Nanou\"\"\nsur deux lignes\"\nKlein,ok\n");
        Assert.Equal(',', table.Delimiter);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Muller, Anne", table.Value(table.Rows[0], "name"));
        Assert.Equal("dit \"Nanou\"\nsur deux lignes", table.Value(table.Rows[0], "note"));
        Assert.Equal((2, 4), (table.Rows[0].Line, table.Rows[1].Line));
    }

    [Fact]
    public void Headers_match_in_French_or_English_whatever_the_case_accents_and_separators()
    {
        var table = Read("\uFEFFPRÉ-NOM;Nom\r\nLéa;Meyer\r\n");
        Assert.Equal(';', table.Delimiter);
        Assert.Equal("Léa", table.Value(table.Rows[0], "first_name"));
        Assert.Equal("Meyer", table.Value(table.Rows[0], "name"));
        Assert.False(table.HasColumn("note"));
    }

    [Fact]
    public void A_Windows_1252_file_is_recognised_and_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var table = Read("nom;remarque\nSélestat;Hœrdt à côté\n", Encoding.GetEncoding(1252));
        Assert.Equal(1252, table.Encoding.CodePage);
        Assert.Equal("Sélestat", table.Value(table.Rows[0], "name"));
        Assert.Equal("Hœrdt à côté", table.Value(table.Rows[0], "note"));
    }

    [Fact]
    public void An_empty_file_is_explained()
    {
        Assert.Throws<InvalidDataException>(() => Read(""));
    }
}
