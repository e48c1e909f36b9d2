using Mobility.Routing.Addresses;

namespace Mobility.Routing.Tests.Addresses;

/// <summary>What the address index reads of each shared extract: how each extract maps its addresses is different.</summary>
public sealed class OsmAddressesTests
{
    [Fact]
    public void Mulhouse_houses_take_their_street_from_their_associatedStreet_relation_and_the_commune_from_the_nearest_address()
    {
        var source = AddressExtracts.MulhouseSource;
        // Almost all of central Mulhouse's 1,552 numbers carry only addr:housenumber; their street is the relation's.
        Assert.InRange(source.Houses, 1_540, 1_560);
        Assert.Equal(0, source.Skipped);
        // Node 1457698747: addr:housenumber=12 alone, a house of the relation "Rue du Chêne".
        var twelve = source.Records.Single(r => r.HouseNumber == "12" && r.Street == "Rue du Chêne");
        Assert.True(twelve.Position.DistanceTo(new GeoPoint(47.7519218, 7.3395366)) < 0.01);
        Assert.Equal("Mulhouse", twelve.City);
        Assert.Equal("68100", twelve.Postcode);
        Assert.Equal(InferredParts.City | InferredParts.Postcode, twelve.Inferred);
        // Tagged in full: nothing guessed.
        var tagged = source.Records.Single(r => r.HouseNumber == "2" && r.Street == "Place de l'Égalité");
        Assert.Equal(InferredParts.None, tagged.Inferred);
    }

    [Fact]
    public void A_building_with_an_address_is_placed_at_its_centroid()
    {
        // Way 132516493, the customs office, 13 rue du Tilleul: its nodes span 7.33872–7.33901 E, 47.75160–47.75180 N. The
        // relation also names node 1457583444, one of its corners, as 13 rue du Tilleul: the index keeps one of the two.
        var thirteen = AddressExtracts.MulhouseSource.Records.Where(r => r.HouseNumber == "13" && r.Street == "Rue du Tilleul").ToList();
        Assert.Equal(2, thirteen.Count);
        var corner = new GeoPoint(47.7517385, 7.3389482);
        var customs = Assert.Single(thirteen, r => r.Position.DistanceTo(corner) > 1);
        Assert.InRange(customs.Position.Longitude, 7.33872, 7.33901);
        Assert.InRange(customs.Position.Latitude, 47.75160, 47.75180);
        Assert.Single(AddressExtracts.Mulhouse.Records, r => r.HouseNumber == "13" && r.Street == "Rue du Tilleul");
    }

    [Fact]
    public void A_named_street_without_numbers_is_placed_on_itself_at_its_middle()
    {
        var source = AddressExtracts.HeidelbergSource;
        // The filtered Heidelberg extract has 624 numbers but thousands of named streets: they answer at street level.
        Assert.True(source.Streets > 2_000, $"{source.Streets} streets");
        var hauptstrasse = source.Records.Where(r => !r.IsHouse && r.Street == "Hauptstraße" && r.City == "Heidelberg").ToList();
        Assert.NotEmpty(hauptstrasse);
        // Heidelberg's old-town Hauptstraße runs from Bismarckplatz (8.694 E) to Karlstor (8.717 E) along 49.41 N.
        Assert.Contains(hauptstrasse, r => r.Position.Longitude is > 8.694 and < 8.717 && r.Position.Latitude is > 49.408 and < 49.414);
    }

    [Fact]
    public void Liechtenstein_addresses_without_a_commune_take_it_from_the_administrative_boundary_around_them()
    {
        // Node 280027006, Dorfstrasse 24 (a school), has no addr:city; Triesen's admin_level=8 boundary holds it.
        var school = AddressExtracts.LiechtensteinSource.Records.Single(r => r.HouseNumber == "24" && r.Street == "Dorfstrasse");
        Assert.Equal("Triesen", school.City);
        Assert.False(school.Inferred.HasFlag(InferredParts.City));
        Assert.Equal(7, AddressExtracts.LiechtensteinSource.Skipped); // numbers without any street
        Assert.Equal(11, AddressExtracts.Liechtenstein.Records.Select(r => r.City).Where(c => c is not null).Distinct().Count(c =>
            c is "Vaduz" or "Schaan" or "Triesen" or "Balzers" or "Triesenberg" or "Eschen" or "Mauren" or "Gamprin" or "Ruggell"
                or "Schellenberg" or "Planken"));
    }
}
