using System.Text;
using Mobility.Data.Import;

namespace Mobility.Data.Tests;

public class ImportTableTests
{
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["name"] = ["nom"], ["note"] = ["remarque"], ["first_name"] = ["prenom"],
    };

    private static ImportTable Read(string text, Encoding? encoding = null) =>
        ImportTable.Read(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text)), Columns);

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
        Assert.Equal(1252, table.Encoding!.CodePage);
        Assert.Equal("Sélestat", table.Value(table.Rows[0], "name"));
        Assert.Equal("Hœrdt à côté", table.Value(table.Rows[0], "note"));
    }

    [Fact]
    public void An_empty_file_is_explained()
    {
        Assert.Throws<InvalidDataException>(() => Read(""));
    }

    [Fact]
    public void A_workbook_reads_like_its_csv_with_row_numbers_headers_as_written_and_empty_cells_left_out()
    {
        var bytes = XlsxFile.Build(["Prénom", "Nom", "Remarque", "Colonne à nous"], ["Léa", "Meyer", null, "x"], [], [null, "Klein", 48.5]);
        var table = ImportTable.Read(new MemoryStream(bytes), Columns);
        Assert.Equal("xlsx", table.Format);
        Assert.Equal([2, 4], table.Rows.Select(r => r.Line));
        Assert.Equal(("Léa", null, null), (table.Value(table.Rows[0], "first_name"), table.Value(table.Rows[0], "note"), table.Value(table.Rows[1], "first_name")));
        Assert.Equal("48.5", table.Value(table.Rows[1], "note"));
        Assert.Equal("Prénom", table.ColumnName("first_name"));
        Assert.Equal(["Colonne à nous"], table.Unknown);
    }

    [Fact]
    public void A_damaged_workbook_is_unreadable_not_a_crash()
    {
        var bytes = XlsxFile.Build(["nom"], ["Meyer"]);
        Assert.Throws<InvalidDataException>(() => ImportTable.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), Columns));
    }

    [Fact]
    public void A_comma_file_with_a_bom_reads_like_a_semicolon_file_without()
    {
        var comma = Read("\uFEFFnom,prenom\nMeyer,Léa\n");
        var semicolon = Read("nom;prenom\r\nMeyer;Léa\r\n");
        Assert.Equal((',', ';'), (comma.Delimiter!.Value, semicolon.Delimiter!.Value));
        Assert.Equal(("Meyer", "Léa"), (comma.Value(comma.Rows[0], "name"), comma.Value(comma.Rows[0], "first_name")));
        Assert.Equal(("Meyer", "Léa"), (semicolon.Value(semicolon.Rows[0], "name"), semicolon.Value(semicolon.Rows[0], "first_name")));
        Assert.Equal("nom", comma.ColumnName("name"));
    }
}
