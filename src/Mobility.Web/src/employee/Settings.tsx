// Settings: how I commute (validated by the server; the form shows what it stored, never what was typed), language,
// password, my data as a file, and erasure. A field left empty keeps its stored value; seats count for drivers only.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../http";
import { formatNumber, setLanguage, t, type Language } from "../i18n";
import { fieldMessages, showError, showNotice } from "../ui/status";
import type { CommuteRole, MeetingPoint, Profile } from "./model";
import { PushDevice } from "./PushDevice";
import { HomeForm } from "./HomeForm";

const numbers = ["seatsOffered", "maxDetourMinutes", "flexibilityMinutes"] as const;

export function Settings({ profile, onSaved }: { profile: Profile; onSaved: (profile: Profile) => void }) {
  const [errors, setErrors] = useState<ApiError | null>(null);
  const [role, setRole] = useState<CommuteRole>(profile.role);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  // null while loading: the choice is drawn (disabled) from the start so that the form does not move when it arrives.
  const [meetingPoints, setMeetingPoints] = useState<MeetingPoint[] | null>(null);
  useEffect(() => { api<MeetingPoint[]>("/api/me/meeting-points").then(setMeetingPoints, () => setMeetingPoints([])); }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const body: Record<string, unknown> = { role, consentToMatching: data.get("consentToMatching") === "on", preferredLanguage: data.get("preferredLanguage"),
      digest: data.get("digest") === "on" };
    const meetingPoint = data.get("preferredMeetingPointId");
    if (meetingPoint !== null) body.preferredMeetingPointId = Number(meetingPoint);
    for (const name of numbers) {
      const typed = String(data.get(name) ?? "").trim();
      if (typed !== "" && !(name === "seatsOffered" && role === "Passenger")) body[name] = Number(typed);
    }
    setBusy(true);
    try {
      const saved = await api<Profile>("/api/me/employee", { method: "PUT", json: body });
      setErrors(null);
      onSaved(saved);
      setRole(saved.role);
      setVersion((v) => v + 1);
      setLanguage(saved.preferredLanguage);
      showNotice(t("saved"));
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length) setErrors(error);
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const messages = (name: string) => (errors ? fieldMessages(errors, name) : []);
  const field = (name: string) => messages(name).length ? <span class="field-error" id={`${name}-error`}>{messages(name).join(" ")}</span> : null;
  const described = (name: string) => (messages(name).length ? `${name}-error` : undefined);

  return (
    <section aria-labelledby="settings-title" class="settings">
      <h1 id="settings-title">{t("settings")}</h1>
      <form id="profile-form" key={`${version}-${profile.preferredLanguage}`} class="card stack" onSubmit={save} noValidate>
        <h2>{t("myCommute")}</h2>
        <label>{t("role")}
          <select name="role" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as CommuteRole)}>
            <option value="Driver">{t("Driver")}</option><option value="Passenger">{t("Passenger")}</option><option value="Either">{t("Either")}</option>
          </select>
        </label>
        {role !== "Passenger" && (
          <label>{t("seats")}<input name="seatsOffered" type="number" inputMode="numeric" min={1} max={8} defaultValue={String(profile.seatsOffered)}
            aria-invalid={!!described("seatsOffered")} aria-describedby={described("seatsOffered")} />{field("seatsOffered")}</label>
        )}
        <label>{t("detour")}<input name="maxDetourMinutes" type="number" inputMode="numeric" min={0} max={120} defaultValue={String(profile.maxDetourMinutes)}
          aria-invalid={!!described("maxDetourMinutes")} aria-describedby={described("maxDetourMinutes")} />{field("maxDetourMinutes")}</label>
        <label>{t("flexibility")}<input name="flexibilityMinutes" type="number" inputMode="numeric" min={0} max={240} defaultValue={String(profile.flexibilityMinutes)}
          aria-invalid={!!described("flexibilityMinutes")} aria-describedby={described("flexibilityMinutes")} />{field("flexibilityMinutes")}</label>
        {(meetingPoints === null || meetingPoints.length > 0) && (
          <label>{t("meetingPoint")}
            <select name="preferredMeetingPointId" key={meetingPoints === null ? "loading" : "loaded"} disabled={meetingPoints === null}
              aria-invalid={!!described("preferredMeetingPointId")} aria-describedby={described("preferredMeetingPointId") ?? "meeting-point-hint"}>
              <option value="0" selected={profile.preferredMeetingPointId == null}>{t("pickupAtHome")}</option>
              {(meetingPoints ?? []).map((p) => <option value={String(p.id)} selected={p.id === profile.preferredMeetingPointId}>{p.name} · {formatNumber(p.distanceMetres / 1000, 1)} km</option>)}
            </select>
            <span class="hint" id="meeting-point-hint">{t("meetingPointHint")}</span>
            {field("preferredMeetingPointId")}
          </label>
        )}
        <label class="choice"><input name="consentToMatching" type="checkbox" defaultChecked={profile.consentToMatching} /> {t("consent")}</label>
        <label class="choice" id="digest"><input name="digest" type="checkbox" defaultChecked={profile.digest ?? true} /> {t("digestByMail")}</label>
        <label>{t("language")}
          {/* Preact has no defaultValue on a select (it showed the first option, and saving the form switched an English
              speaker back to French): the stored choice is the option marked selected. */}
          <select name="preferredLanguage">
            <option value="fr" lang="fr" selected={profile.preferredLanguage === "fr"}>Français</option>
            <option value="en" lang="en" selected={profile.preferredLanguage === "en"}>English</option>
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy}>{t("save")}</button>
      </form>
      <HomeForm profile={profile} onSaved={(saved) => { onSaved(saved); api<MeetingPoint[]>("/api/me/meeting-points").then(setMeetingPoints, () => {}); }} />
      <PushDevice />
      <CalendarFeed />
      <PasswordForm />
      <MyData />
    </section>
  );
}

function PasswordForm() {
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setBusy(true);
    try {
      await api("/api/auth/password", { json: { currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword") } });
      form.reset();
      showNotice(t("passwordChanged"));
    } catch (error) { showError(error); } finally { setBusy(false); }
  };
  return (
    <form class="card stack" onSubmit={submit}>
      <h2>{t("password")}</h2>
      <label>{t("currentPassword")}<input name="currentPassword" type="password" autocomplete="current-password" required /></label>
      <label>{t("newPassword")}<input name="newPassword" type="password" autocomplete="new-password" minLength={10} required /></label>
      <button type="submit" disabled={busy}>{t("changePassword")}</button>
    </form>
  );
}

/** Downloads a file from the API as the signed-in person (the browser names it from the server's header or ours). */
async function download(path: string, fallbackName: string) {
  const response = await fetch(path, { credentials: "same-origin" });
  if (!response.ok) throw new ApiError(response.status, response.status === 401 ? "unauthorized" : "server", undefined);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function MyData() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const erase = async () => {
    setBusy(true);
    try {
      await api("/api/me/employee", { method: "DELETE" });
      try { localStorage.clear(); } catch { /* nothing kept */ }
      location.hash = "";
      location.reload();
    } catch (error) { showError(error); setBusy(false); }
  };
  const get = (format: "json" | "csv") => download(`/api/me/export?format=${format}`, `mobility-mes-donnees.${format}`).catch(showError);
  return (
    <div class="card stack">
      <h2>{t("myData")}</h2>
      <p class="hint">{t("myDataHint")}</p>
      <div class="actions">
        <button type="button" onClick={() => get("json")}>{t("exportJson")}</button>
        <button type="button" onClick={() => get("csv")}>{t("exportCsv")}</button>
      </div>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>{t("eraseMe")}</button>
      ) : (
        <div class="warning" role="alertdialog" aria-labelledby="erase-title">
          <p id="erase-title">{t("eraseConfirm")}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={busy} onClick={erase}>{t("eraseForGood")}</button>
            <button type="button" class="quiet" onClick={() => setConfirming(false)}>{t("keepMyData")}</button>
          </div>
        </div>
      )}
    </div>
  );
}

/** A secret address phones' calendars subscribe to (shifts and pickups); shown once, remade or ended here. */
function CalendarFeed() {
  const [state, setState] = useState<{ exists: boolean; createdAt?: string } | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const path = "/api/me/calendar-feed";
  useEffect(() => { api<{ exists: boolean }>(path).then(setState, () => setState({ exists: false })); }, []);
  const make = async () => {
    try { const made = await api<{ url: string; createdAt: string }>(path, { method: "POST" }); setUrl(made.url); setState({ exists: true, createdAt: made.createdAt }); }
    catch (error) { showError(error); }
  };
  const end = async () => {
    try { await api(path, { method: "DELETE" }); setUrl(null); setState({ exists: false }); showNotice(t("calendarEnded")); }
    catch (error) { showError(error); }
  };
  return (
    <div class="card stack">
      <h2>{t("calendar")}</h2>
      <p class="hint">{t("calendarHint")}</p>
      {url && (
        <label>{t("calendarAddress")}
          <input readOnly value={url} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
          <span class="hint">{t("calendarShownOnce")}</span>
        </label>
      )}
      <div class="actions">
        <button type="button" onClick={make}>{state?.exists ? t("calendarRemake") : t("calendarMake")}</button>
        {state?.exists && <button type="button" class="danger" onClick={end}>{t("calendarEnd")}</button>}
      </div>
    </div>
  );
}

export type { Language };
