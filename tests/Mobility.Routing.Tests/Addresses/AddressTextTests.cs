using Mobility.Routing.Addresses;

namespace Mobility.Routing.Tests.Addresses;

public sealed class AddressTextTests
{
    [Theory]
    [InlineData("Rue du Rhin", "r. du Rhin")]
    [InlineData("Rue du Rhin", "RUE DU RHIN")]
    [InlineData("Avenue du Président Kennedy", "av. du Pdt Kennedy")]
    [InlineData("Boulevard de l'Europe", "Bd de l Europe")]
    [InlineData("Boulevard de l’Europe", "bd de l'europe")]
    [InlineData("Place de l'Égalité", "pl. de l'egalite")]
    [InlineData("Impasse des Lilas", "imp. des Lilas")]
    [InlineData("Chemin du Moulin", "chem. du moulin")]
    [InlineData("Route de Colmar", "rte de Colmar")]
    [InlineData("Rue Sainte-Thérèse", "r. Ste Therese")]
    [InlineData("Rue Saint-Jean", "Rue St-Jean")]
    [InlineData("Hauptstraße", "Hauptstr.")]
    [InlineData("Hauptstraße", "Hauptstrasse")]
    [InlineData("Hauptstraße", "Haupt-Str.")]
    [InlineData("Bergheimer Straße", "Bergheimer Str.")]
    [InlineData("Friedrich-Ebert-Straße", "Friedrich Ebert Str.")]
    [InlineData("Bismarckplatz", "Bismarckpl.")]
    [InlineData("Sankt-Peter-Straße", "St.-Peter-Str.")]
    public void Spellings_of_one_street_share_its_key(string street, string written) =>
        Assert.Equal(AddressText.StreetKey(street), AddressText.StreetKey(written));

    [Theory]
    [InlineData("Mühlweg", "Muehlweg")]
    [InlineData("Batzenhäuselweg", "Batzenhaeuselweg")]
    [InlineData("Schönauer Straße", "Schoenauer Str.")]
    public void Umlauts_written_out_share_the_key_without_umlaut_vowels(string street, string written) =>
        Assert.Equal(AddressText.WithoutUmlautVowels(AddressText.StreetKey(street)), AddressText.WithoutUmlautVowels(AddressText.StreetKey(written)));

    [Theory]
    [InlineData("Rue du Rhin", "Rue du Rhône")]
    [InlineData("Rue du Rhin", "Avenue du Rhin")]
    [InlineData("Place des Vosges", "Rue des Vosges")]
    public void Other_streets_keep_other_keys(string one, string other) =>
        Assert.NotEqual(AddressText.StreetKey(one), AddressText.StreetKey(other));

    [Theory]
    [InlineData("Saint-Louis", "St Louis")]
    [InlineData("Saint-Louis", "SAINT LOUIS")]
    [InlineData("Saint-Louis", "St-Louis Cedex")]
    [InlineData("Mulhouse", "Mulhouse Cedex 1")]
    [InlineData("Mulhouse", "MULHOUSE CEDEX")]
    [InlineData("Sainte-Croix-en-Plaine", "Ste Croix en Plaine")]
    public void Spellings_of_one_commune_share_its_key(string commune, string written) =>
        Assert.Equal(AddressText.CommuneKey(commune), AddressText.CommuneKey(written));

    [Theory]
    [InlineData("12", 12, "", 12)]
    [InlineData("12bis", 12, "bis", 12)]
    [InlineData("12 bis", 12, "bis", 12)]
    [InlineData("12 BIS", 12, "bis", 12)]
    [InlineData("12 ter", 12, "ter", 12)]
    [InlineData("20B", 20, "b", 20)]
    [InlineData("20 b", 20, "b", 20)]
    [InlineData("3a", 3, "a", 3)]
    [InlineData("14-18", 14, "", 18)]
    [InlineData("14 - 18", 14, "", 18)]
    [InlineData("2;4", 2, "", 4)]
    [InlineData("n° 7", 7, "", 7)]
    public void House_numbers_read_their_number_suffix_and_range(string text, int number, string suffix, int last) =>
        Assert.Equal(new HouseNumber(number, suffix, last), HouseNumber.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("sn")]
    [InlineData("?")]
    public void A_house_number_without_digits_is_none(string text) => Assert.Null(HouseNumber.Parse(text));

    [Fact]
    public void A_range_covers_the_numbers_of_its_side_of_the_street()
    {
        var range = HouseNumber.Parse("14-18")!.Value;
        Assert.True(range.Covers(16));
        Assert.False(range.Covers(15));
        Assert.False(range.Covers(20));
    }

    [Fact]
    public void Bis_and_b_agree_more_than_another_suffix()
    {
        var bis = HouseNumber.Parse("12 bis")!.Value;
        Assert.Equal(1, bis.SuffixAgreement("bis"));
        Assert.True(bis.SuffixAgreement("b") > bis.SuffixAgreement(""));
        Assert.True(bis.SuffixAgreement("") > bis.SuffixAgreement("ter"));
    }

    [Fact]
    public void Postcodes_are_their_digits() => Assert.Equal("68100", AddressText.PostcodeKey("F-68100"));
}
