namespace Mobility.Server.Reports;

/// <summary>The diagnostic report's words, French first. A document is not the web app: its words are the server's, in the
/// requester's language at the time of the request (<see cref="Http.RequestLanguage"/>).</summary>
public static class ReportWords
{
    private static readonly Dictionary<string, (string Fr, string En)> Words = new()
    {
        ["title"] = ("Diagnostic de mobilité inter-entreprises", "Inter-company mobility diagnostic"),
        ["subtitle"] = ("Plan de mobilité employeur (inter-entreprises) : diagnostic", "Employer (inter-company) mobility plan: diagnostic"),
        ["network"] = ("Réseau", "Network"),
        ["date"] = ("Journée étudiée", "Day studied"),
        ["made"] = ("Établi le", "Made on"),
        ["companies"] = ("Entreprises", "Companies"),
        ["privacy"] = ("Tous les effectifs sont arrondis à 5 (au hasard, sans biais) et ne sont montrés qu'à partir de 10 ; « — » signale un chiffre retenu. Aucun total ne permet d'en déduire un petit groupe.",
            "Every count is rounded to 5 (at random, unbiased) and shown only from 10; \"—\" marks a withheld figure. No total allows a small group to be deduced."),
        ["section.access"] = ("1. Accès aux sites par mode", "1. Access to each site by mode"),
        ["section.homes"] = ("2. Lieux de résidence des salariés", "2. Where employees live"),
        ["section.shifts"] = ("3. Horaires de travail", "3. Shift times"),
        ["section.potential"] = ("4. Potentiel et pratiques actuelles par mode", "4. Potential and current practice per mode"),
        ["section.savings"] = ("5. CO₂ et coûts", "5. CO₂ and costs"),
        ["section.actions"] = ("6. Actions proposées et indicateurs de suivi", "6. Proposed actions and indicators to follow"),
        ["access.intro"] = ("Salariés de chaque site habitant à moins de N minutes du site, selon leur propre temps de trajet calculé sur le réseau routier OpenStreetMap.",
            "Employees of each site living within N minutes of it, by their own travel time on the OpenStreetMap road network."),
        ["access.noroads"] = ("Aucun réseau routier n'est configuré : l'accessibilité n'a pas pu être calculée.", "No road network is configured: accessibility could not be computed."),
        ["site"] = ("Site", "Site"), ["mode"] = ("Mode", "Mode"), ["minutes"] = ("Minutes", "Minutes"), ["inside"] = ("Salariés", "Employees"), ["share"] = ("Part", "Share"),
        ["car"] = ("voiture", "car"), ["bicycle"] = ("vélo", "bicycle"), ["foot"] = ("à pied", "on foot"),
        ["distances"] = ("Distance à vol d'oiseau domicile → site", "Straight-line distance home → site"),
        ["band"] = ("Distance (km)", "Distance (km)"), ["people"] = ("Salariés", "Employees"),
        ["map.access"] = ("Isochrones : voiture 15 et 30 min, vélo 15 min", "Isochrones: car 15 and 30 min, bicycle 15 min"),
        ["map.homes"] = ("Salariés par carré de 1 km (arrondis à 5)", "Employees per 1 km square (rounded to 5)"),
        ["legend.plant"] = ("site", "site"), ["legend.station"] = ("gare", "station"), ["legend.meeting"] = ("point de rencontre", "meeting point"),
        ["legend.cells"] = ("salariés par carré", "employees per square"), ["scale"] = ("km", "km"),
        ["withheld"] = ("Salariés dans des carrés trop peu peuplés pour être montrés", "Employees in squares too sparse to be shown"),
        ["flows"] = ("Principaux flux commune → site", "Main flows commune → site"), ["commune"] = ("Commune", "Commune"),
        ["shifts.intro"] = ("Prises et fins de poste par heure, tous sites (salariés ayant accepté le covoiturage).",
            "Shift starts and ends per hour, all sites (employees who agreed to carpool matching)."),
        ["starting"] = ("prises de poste", "shift starts"), ["ending"] = ("fins de poste", "shift ends"), ["hour"] = ("Heure", "Hour"),
        ["noshifts"] = ("Aucun créneau assez fréquenté pour être montré ce jour-là.", "No hour busy enough to be shown that day."),
        ["potential.intro"] = ("Covoiturage : au moins un partenaire compatible ce jour-là (horaires, détour, places ; règles du moteur de mise en relation). Vélo : domicile à moins de 30 min à vélo. Navette : domicile à moins de 2 km d'une gare ou d'un point de rencontre.",
            "Carpool: at least one compatible partner that day (shifts, detour, seats: the matching engine's rules). Bicycle: home within 30 min by bicycle. Shuttle: home within 2 km of a station or meeting point."),
        ["employees"] = ("Salariés", "Employees"), ["carpool"] = ("Covoiturage", "Carpool"), ["cycle"] = ("Vélo", "Bicycle"), ["shuttle"] = ("Navette", "Shuttle"),
        ["stops"] = ("Salariés à moins de 2 km des gares et points de rencontre (les 12 premiers)", "Employees within 2 km of stations and meeting points (the first 12)"),
        ["stop"] = ("Arrêt", "Stop"), ["station"] = ("gare", "station"), ["meeting-point"] = ("point de rencontre", "meeting point"),
        ["practice"] = ("Pratique actuelle : covoiturages réalisés (acceptés ou confirmés) sur les 28 jours précédents", "Current practice: carpools that ran (accepted or confirmed) over the previous 28 days"),
        ["trips"] = ("Trajets covoiturés", "Carpooled trips"), ["cars"] = ("Voitures en moins", "Cars removed"),
        ["kilometres"] = ("km évités", "km avoided"), ["co2"] = ("kg CO₂ évités", "kg CO₂ avoided"), ["euros"] = ("€ économisés", "€ saved"),
        ["actual"] = ("Réalisé (28 jours précédents)", "Actual (previous 28 days)"), ["potentialDay"] = ("Potentiel : équipages proposés du jour s'ils roulaient", "Potential: the day's proposed crews if they rode"),
        ["factors"] = ("Facteurs : {0} g CO₂ par km de voiture (ADEME, Base Empreinte), {1} € par km (carburant, pneus, entretien).",
            "Factors: {0} g CO₂ per car km (ADEME, Base Empreinte), {1} € per km (fuel, tyres, upkeep)."),
        ["action"] = ("Action", "Action"), ["because"] = ("Constat", "Finding"), ["indicator"] = ("Indicateur à suivre", "Indicator to follow"),
        ["noactions"] = ("Les effectifs sont trop faibles pour proposer des actions chiffrées.", "The numbers are too small to propose measured actions."),
        ["a.stop"] = ("Point de rencontre ou ligne de navette à {0}", "Meeting point or shuttle line at {0}"),
        ["a.stop.because"] = ("{0} : {1} salariés à moins de 2 km", "{0}: {1} employees within 2 km"),
        ["a.stop.indicator"] = ("Salariés prenant la navette ou covoiturant depuis {0}, par mois", "Employees taking the shuttle or carpooling from {0}, per month"),
        ["a.bike"] = ("Stationnement vélo sécurisé et forfait mobilités durables à {0}", "Secure bicycle parking and sustainable mobility allowance at {0}"),
        ["a.bike.because"] = ("{0} : {1} salariés ({2}) à moins de 30 min à vélo", "{0}: {1} employees ({2}) within 30 min by bicycle"),
        ["a.bike.indicator"] = ("Vélos stationnés par jour ; salariés bénéficiant du forfait", "Bicycles parked per day; employees receiving the allowance"),
        ["a.carpool"] = ("Animation du covoiturage entre équipes à {0}", "Carpool promotion across teams at {0}"),
        ["a.carpool.because"] = ("{0} : {1} salariés ({2}) ont au moins un partenaire compatible", "{0}: {1} employees ({2}) have at least one compatible partner"),
        ["a.carpool.indicator"] = ("Covoitureurs par jour (actuellement {0} trajets sur 28 jours)", "Carpoolers per day (currently {0} trips over 28 days)"),
        ["a.savings"] = ("Faire rouler les équipages proposés", "Get the proposed crews riding"),
        ["a.savings.because"] = ("Les équipages proposés éviteraient {0} km et {1} kg CO₂ ce jour-là", "The proposed crews would avoid {0} km and {1} kg CO₂ that day"),
        ["a.savings.indicator"] = ("km et CO₂ évités par jour (instantané quotidien)", "km and CO₂ avoided per day (daily snapshot)"),
        ["hidden"] = ("—", "—"),
    };

    public static string Of(string language, string key) =>
        Words.TryGetValue(key, out var w) ? (language == Http.RequestLanguage.English ? w.En : w.Fr) : key;

    public static IEnumerable<string> Keys => Words.Keys;
}
