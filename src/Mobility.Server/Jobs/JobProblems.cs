using System.Globalization;
using System.Text.Json;

namespace Mobility.Server.Jobs;

/// <summary>The messages of a failed job's problem codes, French then English, built from its stored parameters.</summary>
public static class JobProblems
{
    public const string NobodyToCarry = "nobody-to-carry";
    public const string CannotPlan = "cannot-plan";
    public const string ImportRefused = "import-refused";
    public const string Failed = "job-failed";
    public const string Abandoned = "job-abandoned";

    public static (string Title, string Detail) Describe(string code, JsonElement? parameters) => code switch
    {
        NobodyToCarry => ("Personne à transporter / Nobody to carry",
            $"Aucun salarié de l'entreprise ne travaille ces jours-là à plus de {Number(parameters, "minDistanceKm")} km de son usine (avec son accord). / " +
            $"No consenting employee of the company works on those days farther than {Number(parameters, "minDistanceKm")} km from their plant."),
        CannotPlan => ("Plan impossible / Cannot plan",
            "Le réseau n'a pas de gare ou point de rencontre, ou pas d'usine. / The network has no station or meeting point, or no plant."),
        ImportRefused => ("Fichier refusé, rien n'a été importé / File refused, nothing was imported",
            $"{Count(parameters, "lineErrors")} erreur(s) / error(s)."),
        Abandoned => ("Travail abandonné / Job abandoned",
            "Le serveur qui l'exécutait s'est arrêté trop de fois ; relancez-le. / The server running it stopped too many times; start it again."),
        _ => ("Le travail a échoué / The job failed",
            "Une erreur du serveur l'a arrêté ; elle est journalisée. / A server error stopped it; it is logged."),
    };

    private static int Count(JsonElement? parameters, string name) =>
        parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.GetArrayLength()
            : 0;

    private static string Number(JsonElement? parameters, string name) =>
        parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.TryGetDouble(out var number)
            ? number.ToString("0.#", CultureInfo.InvariantCulture)
            : "?";
}
