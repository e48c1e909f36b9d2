// The employee's app: the week (today first) with each day's trips, one trip in full (map, crew, decisions), settings.
// Proposals are refreshed from the employee's message stream (live/hubs.ts), so a change made elsewhere shows at once.
import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { setLanguage, t, today, type Language } from "../i18n";
import type { Account } from "../session";
import { go, useRoute } from "../ui/router";
import { showError, showNoticeIfFree } from "../ui/status";
import { followMessages, type LiveState } from "../live/hubs";
import { readProfile, readProposals, readWeek, type Profile, type Proposal, type Week as WeekData } from "./model";
import { Week } from "./Week";
import { TripDetail } from "./TripDetail";
import { Settings } from "./Settings";
import { saveOffline, readOffline } from "./offline";

/** Whether the person chose a language on this page since it opened. */
let languageChosenHere = false;

export function EmployeeApp({ account }: { account: Account }) {
  const route = useRoute();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [week, setWeek] = useState<WeekData | null>(null);
  const [live, setLive] = useState<LiveState>("connecting");
  const [loadFailed, setLoadFailed] = useState(false);

  const loadProposals = async () => {
    try {
      const [fresh, days] = await Promise.all([readProposals(today()), readWeek(today())]);
      setProposals(fresh);
      setWeek(days);
      setLoadFailed(false);
      saveOffline(account.employeeId!, fresh);
    } catch (error) {
      setLoadFailed(true);
      // Offline: the last proposals seen, said to be such.
      const kept = readOffline(account.employeeId!);
      if (kept) setProposals(kept.proposals);
      showError(error);
    }
  };

  useEffect(() => {
    let stop = () => {};
    (async () => {
      try {
        const read = await readProfile();
        setProfile(read);
        // A language tapped while the profile was loading wins over the stored one (and is being saved).
        if (!languageChosenHere) setLanguage(read.preferredLanguage);
      } catch (error) { showError(error); }
      await loadProposals();
      let after = 0;
      try {
        const all = await api<{ sequence: number }[]>("/api/me/notifications?after=0");
        after = all.length ? all[all.length - 1].sequence : 0;
      } catch { /* the hub replays from 0 */ }
      stop = followMessages(after, () => { showNoticeIfFree(t("proposalsChanged")); loadProposals(); }, setLive);
    })();
    return () => stop();
  }, []);

  // The language chosen in the header is the employee's preference: saved, so the next sign-in keeps it.
  useEffect(() => {
    const chosen = async (event: Event) => {
      const preferredLanguage = (event as CustomEvent<Language>).detail;
      languageChosenHere = true;
      try { setProfile(await api<Profile>("/api/me/employee", { method: "PUT", json: { preferredLanguage } })); }
      catch (error) { showError(error); }
    };
    addEventListener("language-chosen", chosen);
    return () => removeEventListener("language-chosen", chosen);
  }, []);

  const [screen, id] = route;
  // A new screen starts at its top, not where the week was scrolled to.
  useEffect(() => { scrollTo(0, 0); }, [screen, id]);
  const tab = screen === "settings" ? "settings" : "week";
  return (
    <div class="employee" id="employee">
      <nav class="tabs" aria-label={t("sections")}>
        <a href="#week" class={tab === "week" ? "active" : ""} aria-current={tab === "week" ? "page" : undefined}>{t("myWeek")}</a>
        <a href="#settings" class={tab === "settings" ? "active" : ""} aria-current={tab === "settings" ? "page" : undefined}>{t("settings")}</a>
      </nav>
      <p class="live-state hint" aria-live="polite">{t(`live.${live}`)}</p>
      {screen === "trip" && proposals ? (
        <TripDetail proposal={proposals.find((p) => p.groupId === Number(id))} onChanged={loadProposals} onBack={() => go("week")} />
      ) : tab === "settings" ? (
        profile ? <Settings profile={profile} onSaved={setProfile} /> : <p class="loading">{t("loading")}</p>
      ) : (
        <Week proposals={proposals} week={week} failed={loadFailed} onRetry={loadProposals} onChanged={loadProposals} />
      )}
    </div>
  );
}
