// Interface texts, French first. Elements carry data-i18n="key"; the language is the employee's preference once
// signed in, else the one chosen here (kept in the browser).
const texts = {
  fr: {
    tagline: "Covoiturage et navettes entre les sites d'un réseau industriel.", signIn: "Connexion", signOut: "Se déconnecter",
    rosterProblems: "Roulements mis de côté", employeesOnIt: "salarié(s) de l'entreprise",
    rosterProblemsHint: "Ces roulements ne sont pas valides : leurs salariés ne reçoivent aucune proposition tant qu'ils ne sont pas corrigés.",
    choosePassword: "Choisir votre mot de passe", currentPassword: "Mot de passe actuel", newPassword: "Nouveau mot de passe (10 caractères au moins)",
    savePassword: "Enregistrer le mot de passe", passwordChosen: "Mot de passe enregistré : connectez-vous avec.",
    invitationInvalid: "Lien inconnu, déjà utilisé ou expiré : demandez-en un nouveau à vos RH.", passwordRefused: "Mot de passe refusé.",
    mustChangePassword: "Ce mot de passe vous a été donné : choisissez le vôtre avant de continuer.",
    email: "E-mail", password: "Mot de passe", demoHint: "Démo : les comptes sont affichés par ./run.sh (mot de passe mobilite-demo).",
    myCarpools: "Mes covoiturages", liveHint: "Les propositions arrivent ici dès qu'elles changent.", myCommute: "Mon trajet",
    role: "Rôle", Driver: "Conducteur", Passenger: "Passager", Either: "Les deux", seats: "Places offertes",
    flexibility: "Souplesse (minutes)", detour: "Détour maximal (minutes)", consent: "J'accepte d'être mis en relation",
    save: "Enregistrer", saved: "Enregistré.", export: "Télécharger mes données", employees: "Salariés", hrNumber: "Matricule",
    name: "Nom", commune: "Commune", previous: "Précédent", next: "Suivant", import: "Importer un fichier CSV", importButton: "Importer",
    statistics: "Demande du réseau", suppressed: "Chaque nombre est arrondi à 5 près (au hasard, sans biais) ; ce qui s'arrondit à 0 n'est pas affiché. Carrés de 1 km.", networks: "Réseaux",
    run: "Recalculer les covoiturages", runQueued: "Recalcul demandé.", noProposals: "Aucune proposition pour l'instant.",
    ToWork: "Aller", ToHome: "Retour", accept: "Accepter", decline: "Refuser", cancel: "Annuler",
    Proposed: "proposé", Accepted: "accepté", Confirmed: "confirmé", Declined: "refusé", Cancelled: "annulé",
    pickup: "prise en charge", detourOf: "détour du conducteur", minutes: "min", newMessage: "Vos propositions ont changé.",
    signInFailed: "Connexion refusée.", byCommune: "Par commune", bySite: "Par site", byShiftPattern: "Par roulement",
    byCommuteRole: "Par rôle", carpoolMembersByStatus: "Covoitureurs par statut", total: "Salariés", hidden: "masqué",
    date: "Date", showButton: "Afficher", demandMap: "Où habitent les salariés",
    demandTravel: "Quand ils se déplacent", demandSavings: "Ce que les covoiturages économisent",
    mapUnavailable: "La carte n'a pas pu être chargée.", employeesLiving: "salariés", consenting: "d'accord pour le covoiturage",
    squares: "carrés", withheldPeople: "personnes environ dans des carrés trop petits pour être affichés", kmHidden: "km masqués : trop peu de covoitureurs à cette heure", nothingShown: "rien à afficher : moins de 5 personnes par case", peopleWorking: "salariés travaillent ce jour-là (ayant donné leur accord)",
    hour: "Heure", arriving: "Prises de poste", leaving: "Fins de poste", noCarpools: "Aucun covoiturage proposé pour cette date.",
    groups: "équipages", carpoolers: "covoitureurs", carsRemoved: "voitures en moins", kmSaved: "km évités", co2Saved: "kg de CO₂ évités",
    direction: "Sens", liveOn: "(en direct)", showMap: "Carte", me: "moi", route: "Trajet",
    shuttles: "Navettes", dates: "Dates", tripsHeader: "Trajets", newShuttlePlan: "Planifier des navettes", days: "Jours",
    minDistance: "Salariés habitant à plus de (km)", communesFilter: "Dans ces communes (facultatif, séparées par des virgules)", planButton: "Planifier", noShuttlePlans: "Aucun plan de navettes.",
    networkWide: "réseau", timetable: "Horaires", stop: "Arrêt", arrives: "Arrivée", leaves: "Départ", boarding: "Montées",
    alighting: "Descentes", onBoard: "À bord", planning: "Envoi de la demande…",
    jobQueued: "En attente d'un calcul en cours", jobStarted: "Démarrage", jobLoadingDemand: "Lecture des salariés et des horaires",
    jobPlanningWaves: "Calcul des tournées", jobComparing: "Comparaison avec la voiture et le covoiturage", jobSaving: "Enregistrement du plan", jobReadingFile: "Lecture du fichier", jobCheckingLines: "Vérification des lignes",
    jobWritingRows: "Enregistrement des salariés", imported: "lignes importées", inserted: "ajoutés", updated: "mis à jour",
    jobCancel: "Annuler le calcul", jobCancelled: "Calcul annulé.", riders: "passagers",
    trips: "trajets", unservedRides: "trajets non assurés", aloneByCar: "Chacun seul en voiture",
    carpools: "Covoiturage", doorToDoor: "Navettes, porte à porte", liveReconnecting: "(reconnexion…)", livePolling: "(mise à jour toutes les 5 s)",
  },
  en: {
    tagline: "Carpools and shuttles across the plants of an industrial network.", signIn: "Sign in", signOut: "Sign out",
    rosterProblems: "Rosters left out", employeesOnIt: "of the company's employees",
    rosterProblemsHint: "These rosters are not valid: their employees get no proposal until they are fixed.",
    choosePassword: "Choose your password", currentPassword: "Current password", newPassword: "New password (at least 10 characters)",
    savePassword: "Save the password", passwordChosen: "Password saved: sign in with it.",
    invitationInvalid: "Unknown, used or expired link: ask your HR for a new one.", passwordRefused: "Password refused.",
    mustChangePassword: "This password was given to you: choose your own before going on.",
    email: "E-mail", password: "Password", demoHint: "Demo: ./run.sh prints the accounts (password mobilite-demo).",
    myCarpools: "My carpools", liveHint: "Proposals appear here as soon as they change.", myCommute: "My commute",
    role: "Role", Driver: "Driver", Passenger: "Passenger", Either: "Either", seats: "Seats offered",
    flexibility: "Flexibility (minutes)", detour: "Longest detour (minutes)", consent: "I agree to be matched",
    save: "Save", saved: "Saved.", export: "Download my data", employees: "Employees", hrNumber: "HR number",
    name: "Name", commune: "Town", previous: "Previous", next: "Next", import: "Import a CSV file", importButton: "Import",
    statistics: "Network demand", suppressed: "Every number is rounded to the nearest 5 (at random, unbiased); whatever rounds to 0 is not shown. Squares of 1 km.", networks: "Networks",
    run: "Re-match carpools", runQueued: "Re-match requested.", noProposals: "No proposal yet.",
    ToWork: "To work", ToHome: "Home", accept: "Accept", decline: "Decline", cancel: "Cancel",
    Proposed: "proposed", Accepted: "accepted", Confirmed: "confirmed", Declined: "declined", Cancelled: "cancelled",
    pickup: "pickup", detourOf: "driver's detour", minutes: "min", newMessage: "Your proposals changed.",
    signInFailed: "Sign-in refused.", byCommune: "By town", bySite: "By site", byShiftPattern: "By roster",
    byCommuteRole: "By role", carpoolMembersByStatus: "Carpoolers by status", total: "Employees", hidden: "hidden",
    date: "Date", showButton: "Show", demandMap: "Where employees live",
    demandTravel: "When they travel", demandSavings: "What carpools save",
    mapUnavailable: "The map could not be loaded.", employeesLiving: "employees", consenting: "agreeing to carpool",
    squares: "squares", withheldPeople: "people or so in squares too small to show", kmHidden: "km hidden: too few carpoolers at that hour", nothingShown: "nothing to show: under 5 people per cell", peopleWorking: "employees work that day (having agreed)",
    hour: "Hour", arriving: "Shifts starting", leaving: "Shifts ending", noCarpools: "No carpool proposed for this date.",
    groups: "carpools", carpoolers: "carpoolers", carsRemoved: "cars off the road", kmSaved: "km saved", co2Saved: "kg of CO₂ saved",
    direction: "Direction", liveOn: "(live)", showMap: "Map", me: "me", route: "Route",
    shuttles: "Shuttles", dates: "Dates", tripsHeader: "Trips", newShuttlePlan: "Plan shuttles", days: "Days",
    minDistance: "Employees living farther than (km)", communesFilter: "In these towns (optional, comma-separated)", planButton: "Plan", noShuttlePlans: "No shuttle plan.",
    networkWide: "network", timetable: "Timetable", stop: "Stop", arrives: "Arrives", leaves: "Leaves", boarding: "On",
    alighting: "Off", onBoard: "On board", planning: "Sending the request…",
    jobQueued: "Waiting for a plan being computed", jobStarted: "Starting", jobLoadingDemand: "Reading employees and shifts",
    jobPlanningWaves: "Planning the trips", jobComparing: "Comparing with cars and carpools", jobSaving: "Saving the plan", jobReadingFile: "Reading the file", jobCheckingLines: "Checking the lines",
    jobWritingRows: "Saving the employees", imported: "rows imported", inserted: "added", updated: "updated",
    jobCancel: "Cancel planning", jobCancelled: "Planning cancelled.", riders: "riders",
    trips: "trips", unservedRides: "rides not served", aloneByCar: "Everyone driving alone",
    carpools: "Carpools", doorToDoor: "Shuttles, door to door", liveReconnecting: "(reconnecting…)", livePolling: "(refreshed every 5 s)",
  },
};

let language = localStorage.getItem("language") === "en" ? "en" : "fr";

export const t = (key) => texts[language][key] ?? texts.fr[key] ?? key;

export function setLanguage(next) {
  language = next === "en" ? "en" : "fr";
  localStorage.setItem("language", language);
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
}

export const currentLanguage = () => language;
