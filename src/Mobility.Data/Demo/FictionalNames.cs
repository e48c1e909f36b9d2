namespace Mobility.Data.Demo;

/// <summary>
/// Common first and family names of the Rhine valley, combined at random: demo employees are nobody in particular.
/// </summary>
internal static class FictionalNames
{
    private static readonly string[] FirstNames =
    [
        "Camille", "Lucas", "Léa", "Thomas", "Julie", "Nicolas", "Sarah", "Julien", "Laura", "Maxime", "Emma",
        "Kevin", "Chloé", "Florian", "Manon", "Anne", "Pierre", "Marie", "Jonas", "Lena", "Felix", "Hannah",
        "Lukas", "Sophie", "Paul", "Mia", "Leon", "Clara", "Yusuf", "Elif", "Karim", "Nadia", "Marco", "Giulia",
    ];

    private static readonly string[] FamilyNames =
    [
        "Muller", "Schmitt", "Meyer", "Weber", "Klein", "Wagner", "Fischer", "Schneider", "Hoffmann", "Koch",
        "Martin", "Bernard", "Roth", "Keller", "Huber", "Wolf", "Zimmermann", "Braun", "Krauss", "Lang",
        "Schaeffer", "Hertz", "Burckel", "Ehrhart", "Gross", "Baumann", "Yilmaz", "Kaya", "Rossi", "Haddad",
    ];

    public static (string First, string Family) Pick(Random random) =>
        (FirstNames[random.Next(FirstNames.Length)], FamilyNames[random.Next(FamilyNames.Length)]);
}
