namespace Mobility.Data;

/// <summary>
/// Every code the API answers with, each defined once: the client owns the words (French first, English), the server's
/// catalog (<c>Mobility.Server/Http/CodeTexts.json</c>) words them for API users in the requester's language, and a test
/// keeps this list and that catalog the same. It lives here, below the server, because the rules that refuse input
/// (<see cref="Model.RosterRules"/>, <see cref="CoordinateCheck"/>) answer with these codes too. Numbers and names go in
/// the parameters beside a code, never in it.
/// </summary>
public static class Codes
{
    /// <summary>A whole problem's <c>code</c> (RFC 9457 extension), beside its <c>parameters</c>; the client words it as
    /// <c>error.{code}</c>.</summary>
    public static class Problem
    {
        /// <summary>Field errors follow, in <c>errors</c> and <c>fieldCodes</c>.</summary>
        public const string InvalidFields = "invalid-fields";
        public const string UnreadableRequest = "unreadable-request";

        // A bare status, when nothing more precise was said (an unknown route, a missing sign-in, a refused role...).
        public const string BadRequest = "bad-request";
        public const string Unauthorized = "unauthorized";
        public const string Forbidden = "forbidden";
        public const string NotFound = "not-found";
        public const string MethodNotAllowed = "method-not-allowed";
        public const string Conflict = "conflict";
        public const string PayloadTooLarge = "payload-too-large";
        public const string UnsupportedMediaType = "unsupported-media-type";
        public const string RateLimited = "rate-limited";
        public const string ServerError = "server-error";
        public const string ServiceUnavailable = "service-unavailable";

        public const string DatabaseConflict = "database-conflict";
        public const string ValueRefused = "value-refused";
        /// <summary>Parameters: <c>setting</c>.</summary>
        public const string DatabaseNotConfigured = "database-not-configured";
        public const string DatabaseUnavailable = "database-unavailable";

        public const string SignInRefused = "sign-in-refused";
        public const string SessionExpired = "session-expired";
        public const string TooManyAttempts = "too-many-attempts";
        public const string AdministratorsOnly = "administrators-only";
        public const string EmployeesOnly = "employees-only";
        /// <summary>HR creates the accounts of its own employees, and no other kind.</summary>
        public const string EmployeeAccountsOnly = "employee-accounts-only";

        public const string SiteInUse = "site-in-use";
        /// <summary>Parameters: <c>employees</c>.</summary>
        public const string RosterInUse = "roster-in-use";
        public const string EmployeeErased = "employee-erased";

        public const string CarpoolUnknown = "carpool-unknown";
        public const string RouteNotConfirmed = "route-not-confirmed";
        public const string SeatTaken = "seat-taken";
        public const string StandingCarpoolUnknown = "standing-carpool-unknown";
        public const string AddressesNotLoaded = "addresses-not-loaded";
        public const string ProposalClosed = "proposal-closed";
        public const string NothingToDo = "nothing-to-do";
        /// <summary>Parameters: <c>limit</c>, <c>per</c> (<c>minute</c> or <c>day</c>), <c>retryAfterSeconds</c>.</summary>
        public const string ChatRateLimited = "chat-rate-limited";
        public const string CalendarFeedUnknown = "calendar-feed-unknown";
        /// <summary>Parameters: <c>z</c>, <c>x</c>, <c>y</c>, <c>maxZoom</c>.</summary>
        public const string TileOutOfRange = "tile-out-of-range";
        public const string TilesNotBuilt = "tiles-not-built";

        // A job's problem (GET /api/jobs/{jobId} answers it as its `error`), or the same refusal before anything is queued.
        /// <summary>Parameters: <c>minDistanceKm</c>.</summary>
        public const string NobodyToCarry = "nobody-to-carry";
        public const string CannotPlan = "cannot-plan";
        /// <summary>Parameters: <c>rows</c>, <c>errors</c> (their count), <c>lineErrors</c> (the import's): nothing was written.</summary>
        public const string ImportRefused = "import-refused";
        /// <summary>An import request without a file in its body.</summary>
        public const string ImportFileEmpty = "import-file-empty";
        public const string JobFailed = "job-failed";
        public const string JobAbandoned = "job-abandoned";
    }

    /// <summary>One field's error in <c>fieldCodes</c> (field → [{code, parameters}]); the client words it as
    /// <c>field.{code}</c>, next to the field.</summary>
    public static class Field
    {
        public const string Required = "required";
        /// <summary>Parameters: <c>minimum</c>, <c>maximum</c> (numbers or dates).</summary>
        public const string OutOfRange = "out-of-range";
        /// <summary>Parameters: <c>minimum</c>.</summary>
        public const string AtLeast = "at-least";
        /// <summary>Parameters: <c>maximum</c>.</summary>
        public const string AtMost = "at-most";
        /// <summary>Parameters: <c>maximum</c> (characters).</summary>
        public const string TextTooLong = "text-too-long";
        /// <summary>Parameters: <c>minimum</c> (characters).</summary>
        public const string TextTooShort = "text-too-short";
        public const string NulCharacter = "nul-character";
        public const string ControlCharacters = "control-characters";
        public const string StringExpected = "string-expected";
        public const string WholeNumberExpected = "whole-number-expected";
        public const string NumberExpected = "number-expected";
        public const string UnreadableValue = "unreadable-value";
        public const string DateUnreadable = "date-unreadable";
        public const string MonthUnreadable = "month-unreadable";
        /// <summary>Parameters: <c>allowed</c> (the list).</summary>
        public const string UnknownChoice = "unknown-choice";
        /// <summary>Parameters: <c>allowed</c>, the names that may be combined.</summary>
        public const string UnknownCombination = "unknown-combination";
        /// <summary>Parameters: <c>value</c>, as the request gave it.</summary>
        public const string AlreadyExists = "already-exists";
        /// <summary>An id the requester may not use: missing, or another tenant's (the same answer for both).</summary>
        public const string UnknownReference = "unknown-reference";
        /// <summary>Parameters: <c>value</c>.</summary>
        public const string UnknownTimeZone = "unknown-time-zone";
        public const string InvalidEmail = "invalid-email";

        public const string NotAMonday = "not-a-monday";
        public const string EndsBeforeStart = "ends-before-start";
        public const string ShiftEndsBeforeStart = "shift-ends-before-start";
        public const string ShiftOver24Hours = "shift-over-24-hours";
        public const string ShiftZeroLength = "shift-zero-length";
        /// <summary>Parameters: <c>maximumHours</c>.</summary>
        public const string ShiftTooLong = "shift-too-long";
        /// <summary>Parameters: <c>rotationWeeks</c>.</summary>
        public const string WeekOutsideRotation = "week-outside-rotation";
        public const string SlotOverlapsItself = "slot-overlaps-itself";
        /// <summary>Parameters: <c>slot</c> (numbered from 1).</summary>
        public const string SlotOverlaps = "slot-overlaps";

        public const string GeoJsonNotAPoint = "geojson-not-a-point";
        public const string GeoJsonTwoCoordinates = "geojson-two-coordinates";
        /// <summary>Parameters: <c>latitude</c>, <c>longitude</c>.</summary>
        public const string CoordinatesOutOfRange = "coordinates-out-of-range";
        public const string CoordinatesUnset = "coordinates-unset";
        /// <summary>Parameters: <c>latitude</c>, <c>longitude</c>.</summary>
        public const string CoordinatesSwapped = "coordinates-swapped";
        /// <summary>Parameters: <c>kilometres</c>, <c>maximumKilometres</c>.</summary>
        public const string TooFarFromPlant = "too-far-from-plant";
        /// <summary>Parameters: <c>kilometres</c>, <c>maximumKilometres</c>.</summary>
        public const string TooFarFromSites = "too-far-from-sites";
        public const string MeetingPointNeedsHome = "meeting-point-needs-home";
        /// <summary>Parameters: <c>maxKilometres</c>.</summary>
        public const string MeetingPointTooFar = "meeting-point-too-far";

        public const string DriverNeedsSeats = "driver-needs-seats";
        public const string PassengerOffersNoSeats = "passenger-offers-no-seats";

        public const string SamePassword = "same-password";
        public const string WrongPassword = "wrong-password";
        public const string InvitationInvalid = "invitation-invalid";

        public const string TextAndQuickMessage = "text-and-quick-message";

        public const string PushEndpointInvalid = "push-endpoint-invalid";
        /// <summary>Parameters: <c>host</c>.</summary>
        public const string PushEndpointHostRefused = "push-endpoint-host-refused";
        /// <summary>Parameters: <c>bytes</c>.</summary>
        public const string PushKeyInvalid = "push-key-invalid";
        /// <summary>Parameters: <c>maximum</c>.</summary>
        public const string PushDeviceLimit = "push-device-limit";

        // HR files (imports): a line's error, beside the column as the file wrote it.
        /// <summary>The header line lacks a column the file needs (the line is 1).</summary>
        public const string MissingColumn = "missing-column";
        /// <summary>Parameters: <c>value</c>, <c>firstLine</c> (the line that has it first).</summary>
        public const string DuplicateId = "duplicate-id";
        public const string TimeUnreadable = "time-unreadable";
        public const string DaysUnreadable = "days-unreadable";
        public const string YesNoExpected = "yes-no-expected";
        /// <summary>A date as files write it: 2026-01-05, 05/01/2026 or an Excel date.</summary>
        public const string FileDateUnreadable = "file-date-unreadable";
        /// <summary>Parameters: <c>value</c>. A site, company or roster the network lacks (or, for HR, not of its company).</summary>
        public const string UnknownCode = "unknown-code";
        /// <summary>Parameters: <c>value</c>, <c>company</c> (the only one this import takes).</summary>
        public const string NotThisCompany = "not-this-company";
        /// <summary>Parameters: <c>value</c>.</summary>
        public const string PlantOfAnotherCompany = "plant-of-another-company";
        /// <summary>Parameters: <c>value</c> (the roster). HR imports only its own company's rosters; another company's (or
        /// the network's) keeps its slots.</summary>
        public const string RosterOfAnotherCompany = "roster-of-another-company";
        /// <summary>Parameters: <c>value</c> (the roster).</summary>
        public const string RotationLengthsDiffer = "rotation-lengths-differ";
        /// <summary>A home outside the road network's area (the extract's bounds).</summary>
        public const string OutsideRoadNetwork = "outside-road-network";
        /// <summary>Neither coordinates nor a postal address for the home.</summary>
        public const string HomeMissing = "home-missing";
        /// <summary>Parameters: <c>address</c> (as written). Nothing in the address index resembles it.</summary>
        public const string AddressNotFound = "address-not-found";
        /// <summary>Parameters: <c>address</c>, <c>closest</c> (the best candidate), <c>confidence</c> (0..1): not sure enough to place the home.</summary>
        public const string AddressUncertain = "address-uncertain";
        /// <summary>The file could not be read at all (no header line, a damaged workbook).</summary>
        public const string FileUnreadable = "file-unreadable";
    }

    /// <summary>What a carpool decision did, when it went through (<c>code</c> of the answer; the client words it as
    /// <c>decision.{code}</c>). A refused one answers a problem code instead (<see cref="Problem.SeatTaken"/>...).</summary>
    public static class Decision
    {
        public const string Accepted = "accepted";
        public const string AlreadyAccepted = "already-accepted";
        public const string Declined = "declined";
        public const string Cancelled = "cancelled";
    }
}

/// <summary>The parameters of the common codes of <see cref="Codes.Field"/>, named as the words of every client expect them.</summary>
public static class CodeParameters
{
    public static Dictionary<string, object?> Range(object minimum, object maximum) => new() { ["minimum"] = minimum, ["maximum"] = maximum };
    public static Dictionary<string, object?> Minimum(object minimum) => new() { ["minimum"] = minimum };
    public static Dictionary<string, object?> Maximum(object maximum) => new() { ["maximum"] = maximum };
    public static Dictionary<string, object?> Value(object? value) => new() { ["value"] = value };
    public static Dictionary<string, object?> Allowed<T>(IEnumerable<T> allowed) => new() { ["allowed"] = allowed.ToArray() };
}
