namespace Mobility.Routing.Tests.Addresses;

/// <summary>A small file in the BAN's published format (its header, ';', quoted names), with made-up rows in Saint-Louis.</summary>
public static class BanFixture
{
    public const string Header = "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;" +
        "nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;" +
        "certification_commune;cad_parcelles";

    public static readonly GeoPoint TwelveBis = new(47.5901, 7.5591);
    public static readonly GeoPoint Twelve = new(47.5899, 7.5589);
    public static readonly GeoPoint GaulleThree = new(47.5862, 7.5650);
    public static readonly GeoPoint Moulin = new(47.5950, 7.5500);

    public static readonly string[] Rows =
    [
        "68297_1234_00012_bis;68297_1234;12;bis;Rue de Mulhouse;68300;68297;Saint-Louis;;;1031000.5;6728000.1;7.5591;47.5901;entrée;;;SAINT LOUIS;RUE DE MULHOUSE;commune;commune;1;",
        "68297_1234_00012;68297_1234;12;;Rue de Mulhouse;68300;68297;Saint-Louis;;;1030999.0;6727998.0;7.5589;47.5899;entrée;;;SAINT LOUIS;RUE DE MULHOUSE;commune;commune;1;",
        "68297_0456_00003;68297_0456;3;;\"Rue du Général de Gaulle\";68300;68297;Saint-Louis;;;1031400.0;6727600.0;7.5650;47.5862;entrée;;;SAINT LOUIS;RUE DU GENERAL DE GAULLE;commune;commune;1;",
        // A lieu-dit: the BAN's 99999 is a named place without numbers.
        "68297_B001_99999;68297_B001;99999;;Le Moulin;68300;68297;Saint-Louis;;;1030300.0;6728500.0;7.5500;47.5950;segment;;;SAINT LOUIS;LE MOULIN;commune;commune;1;",
        // No position: skipped.
        "68297_1234_00014;68297_1234;14;;Rue de Mulhouse;68300;68297;Saint-Louis;;;;;;;entrée;;;SAINT LOUIS;RUE DE MULHOUSE;commune;commune;1;",
    ];

    public static string Write(string folder, string name = "adresses-68.csv")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, [Header, .. Rows]);
        return path;
    }
}
