using Mobility.Routing.Addresses;
using static Mobility.Routing.Tests.Addresses.AddressExtracts;

namespace Mobility.Routing.Tests.Addresses;

/// <summary>Addresses of each shared extract written as real files write them, and addresses that are not there.</summary>
public sealed class AddressMatchingTests
{
    // Positions as the extracts give them (osmium getid).
    private static readonly GeoPoint Kennedy17 = new(47.7493179, 7.3349833);   // node 2796054934, Avenue du Président Kennedy 17
    private static readonly GeoPoint Europe3 = new(47.7499374, 7.3406509);     // node 306684999, Boulevard de l'Europe 3
    private static readonly GeoPoint Therese5 = new(47.7536526, 7.3265469);    // node 1569303289, Rue Sainte-Thérèse 5
    private static readonly GeoPoint Egalite3 = new(47.7531172, 7.3361211);    // node 1473154224, Place de l'Égalité 3
    private static readonly GeoPoint Orphelins20B = new(47.7511904, 7.3363731); // node 1446151766, Rue des Orphelins 20B
    private static readonly GeoPoint Freiburger18 = new(49.3740963, 8.6809066); // node 1602730282, Freiburger Straße 18, Heidelberg
    private static readonly GeoPoint Kirchen33 = new(49.4099087, 8.8363738);    // node 324106862, Kirchenstraße 33, Neckarsteinach
    private static readonly GeoPoint Batzen31 = new(49.3841644, 8.8041931);     // node 295332912, Batzenhäuselweg 31, Neckargemünd
    private static readonly GeoPoint Dorf24 = new(47.1076677, 9.5262046);       // node 280027006, Dorfstrasse 24, Triesen

    [Fact]
    public void Exact_addresses_are_placed_in_parts_and_as_text()
    {
        AssertPlaced(Mulhouse.Match(new PostalAddress("17", "Avenue du Président Kennedy", "68100", "Mulhouse")), Kennedy17);
        AssertPlaced(Mulhouse.Search("17 Avenue du Président Kennedy, 68100 Mulhouse", 1).Single(), Kennedy17);
        AssertPlaced(Heidelberg.Match(new PostalAddress("18", "Freiburger Straße", "69126", "Heidelberg")), Freiburger18);
        AssertPlaced(Heidelberg.Search("Freiburger Straße 18, 69126 Heidelberg", 1).Single(), Freiburger18);
        // Tagged in full in OSM (its neighbours' postcodes are borrowed, so they are not asserted here).
        var answer = Mulhouse.Match(new PostalAddress("3", "Place de l'Égalité", "68100", "Mulhouse"))!;
        Assert.Equal("3 Place de l'Égalité, 68100 Mulhouse", answer.Label);
        Assert.Equal(1, answer.Confidence);
        Assert.Equal("Freiburger Straße 18, 69126 Heidelberg", Heidelberg.Search("Freiburger Straße 18, 69126 Heidelberg", 1)[0].Label);
    }

    [Theory]
    [InlineData("17 av. du Pdt Kennedy 68100 Mulhouse")]
    [InlineData("17 AV DU PRESIDENT KENNEDY 68100 MULHOUSE")]
    [InlineData("17, avenue du president kennedy, Mulhouse Cedex")]
    [InlineData("17 avenue du Président Kenedy 68100 Mulhouse")]
    [InlineData("17 Avenue du Président Kennedy")]
    [InlineData("n° 17 av. Président-Kennedy 68100")]
    public void French_files_abbreviations_case_accents_typos_and_missing_parts_are_placed(string text) =>
        AssertPlaced(Mulhouse.Search(text, 1).FirstOrDefault(), Kennedy17);

    [Fact]
    public void French_street_kinds_saints_apostrophes_and_suffixes_are_placed()
    {
        AssertPlaced(Mulhouse.Search("3 bd de l Europe 68100 Mulhouse", 1).FirstOrDefault(), Europe3);
        AssertPlaced(Mulhouse.Match(new PostalAddress("5", "r. Ste Therese", null, "MULHOUSE")), Therese5);
        AssertPlaced(Mulhouse.Match(new PostalAddress("3", "pl. de l'egalite", "68100", "Mulhouse")), Egalite3);
        AssertPlaced(Mulhouse.Search("20 b rue des Orphelins Mulhouse", 1).FirstOrDefault(), Orphelins20B);
        AssertPlaced(Mulhouse.Match(new PostalAddress("20B", "Rue des Orphelins", "68100", "Mulhouse")), Orphelins20B);
        // The number in the street's column, as HR exports often have it.
        AssertPlaced(Mulhouse.Match(new PostalAddress(null, "17 av. du Président Kennedy", "68100", "Mulhouse")), Kennedy17);
    }

    [Theory]
    [InlineData("Kirchenstr. 33, 69239 Neckarsteinach")]
    [InlineData("KIRCHENSTRASSE 33 NECKARSTEINACH")]
    [InlineData("Kirchenstrase 33, Neckarsteinach")]
    [InlineData("Kirchen-Str. 33 69239")]
    public void German_files_abbreviations_case_typos_and_missing_parts_are_placed(string text) =>
        AssertPlaced(Heidelberg.Search(text, 1).FirstOrDefault(), Kirchen33);

    [Fact]
    public void German_umlauts_written_as_two_letters_and_Liechtenstein_postcodes_are_placed()
    {
        AssertPlaced(Heidelberg.Search("Batzenhaeuselweg 31, 69151 Neckargemuend", 1).FirstOrDefault(), Batzen31);
        AssertPlaced(Liechtenstein.Search("Dorfstr. 24, 9495 Triesen", 1).FirstOrDefault(), Dorf24);
        AssertPlaced(Liechtenstein.Match(new PostalAddress("24", "Dorfstrasse", null, "Triesen")), Dorf24);
    }

    [Fact]
    public void A_street_asked_without_a_number_is_answered_at_street_level()
    {
        var answer = Mulhouse.Search("Avenue du Président Kennedy, Mulhouse", 1).Single();
        Assert.Equal(AddressPrecision.Street, answer.Precision);
        Assert.Null(answer.HouseNumber);
        Assert.True(answer.IsConfident);
        Assert.StartsWith("Avenue du Président Kennedy, 68", answer.Label);
        Assert.True(answer.Position.DistanceTo(Kennedy17) < 600);
    }

    [Theory]
    [InlineData("5 rue Imaginaire 68100 Mulhouse")]
    [InlineData("5 rue du Rhin 68100 Mulhouse")] // not in the central extract
    [InlineData("17 avenue du Président Kennedy 75008 Paris")]
    [InlineData("999 avenue du Président Kennedy 68100 Mulhouse")] // the street has numbers, not this one
    [InlineData("Unter den Linden 1, 10117 Berlin")]
    public void Addresses_that_are_not_in_the_index_are_not_answered_confidently(string text) =>
        Assert.All(Mulhouse.Search(text, 5), answer => Assert.False(answer.IsConfident, $"{answer.Label}: {answer.Confidence}"));

    [Fact]
    public void A_number_the_street_lacks_suggests_the_street_without_being_sure()
    {
        var answer = Mulhouse.Match(new PostalAddress("999", "Avenue du Président Kennedy", "68100", "Mulhouse"))!;
        Assert.Equal(AddressPrecision.Street, answer.Precision);
        Assert.Equal("Avenue du Président Kennedy", answer.Street);
        Assert.False(answer.IsConfident);
    }

    [Fact]
    public void One_street_name_in_several_communes_without_a_commune_is_ambiguous()
    {
        // Dorfstrasse exists in Triesen, Planken and Ruggell: asked for alone, no answer is sure.
        var answers = Liechtenstein.Search("Dorfstrasse", 5);
        Assert.True(answers.Count >= 3);
        Assert.All(answers, a => Assert.False(a.IsConfident, $"{a.Label}: {a.Confidence}"));
        // The commune settles it.
        Assert.True(Liechtenstein.Search("Dorfstrasse, Ruggell", 1).Single() is { IsConfident: true, City: "Ruggell" });
    }

    [Fact]
    public void An_empty_index_answers_nothing()
    {
        Assert.Empty(AddressIndex.Empty.Search("17 avenue du Président Kennedy", 5));
        Assert.Null(AddressIndex.Empty.Match(new PostalAddress("17", "Avenue du Président Kennedy", null, null)));
        Assert.Equal(0, AddressIndex.Empty.Count);
    }
}
