// The page: sign-in, then what the account's role may see. A link mailed to a new employee (#invitation=TOKEN) lets
// them choose their password; a first password given by someone else must be replaced before anything else.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./http";
import { setLanguage, t, useLanguage, type Language } from "./i18n";
import { readAccount, signOut, type Account } from "./session";
import { clearStatus, showError, StatusBar } from "./ui/status";
import { useRoute } from "./ui/router";
import { SignIn } from "./SignIn";
import { ChoosePassword } from "./ChoosePassword";
import { EmployeeApp } from "./employee/EmployeeApp";

const invitationToken = () => (location.hash.startsWith("#invitation=") ? location.hash.slice("#invitation=".length) : null);

export function App() {
  const language = useLanguage();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [invitation, setInvitation] = useState(invitationToken);

  const load = async () => {
    try {
      setAccount(await readAccount());
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) showError(error);
      setAccount(null);
    }
  };
  useEffect(() => { if (!invitation) load(); else setAccount(null); }, []);

  const leave = async () => {
    try { await signOut(); } catch { /* the cookie is gone either way */ }
    clearStatus();
    setAccount(null);
    location.hash = "";
  };

  return (
    <>
      <header class={account === null ? "top" : "top two-rows"}>
        <a class="brand" href="#">Mobility</a>
        {account && <span class="who">{account.displayName ?? account.email}</span>}
        <nav class="top-actions">
          {account?.role === "WorkingGroup" && <a class="quiet" href="#scenarios">{t("scenarios.link")}</a>}
          {account && <button type="button" class="quiet" onClick={leave}>{t("signOut")}</button>}
          <LanguageSwitch current={language} />
        </nav>
      </header>
      <StatusBar />
      <main id="main">
        {invitation ? <ChoosePassword invitation={invitation} onDone={() => { setInvitation(null); history.replaceState(null, "", location.pathname); }} />
          : account === undefined ? <p class="loading">{t("loading")}</p>
            : account === null ? <SignIn onSignedIn={load} />
              : account.mustChangePassword ? <ChoosePassword onDone={leave} />
                : <RoleHome account={account} />}
      </main>
    </>
  );
}

function RoleHome({ account }: { account: Account }) {
  const [screen] = useRoute();
  switch (account.role) {
    case "Employee": return <EmployeeApp account={account} />;
    case "HrManager": return <Later load={() => import("./hr/HrConsole").then((m) => m.HrConsole)} props={{ companyId: account.companyId! }} />;
    case "WorkingGroup": return screen === "scenarios"
      ? <Later key="scenarios" load={() => import("./group/Scenarios").then((m) => m.Scenarios)} props={{ networkId: account.networkId! }} />
      : <Later key="dashboard" load={() => import("./group/WorkingGroup").then((m) => m.WorkingGroup)} props={{ networkId: account.networkId! }} />;
    case "Administrator": return <Later load={() => import("./admin/Networks").then((m) => m.Networks)} props={{}} />;
  }
}

/** A screen loaded when its role signs in, so that an employee's phone does not download and compile HR's and the
 * working group's code. The component itself is kept (not an element), so that a language change redraws it. */
function Later<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [Screen, setScreen] = useState<ComponentType<P> | null>(null);
  const [failed, setFailed] = useState(false);
  const fetchScreen = () => { setFailed(false); load().then((screen) => setScreen(() => screen), (error) => { setFailed(true); showError(error); }); };
  useEffect(fetchScreen, []);
  if (Screen) return <Screen {...props} />;
  return failed ? <p class="warning" role="alert">{t("loadFailed")} <button type="button" onClick={fetchScreen}>{t("retry")}</button></p>
    : <p class="loading">{t("loading")}</p>;
}

/** Choosing a language here changes the page; an employee's choice is also saved to their profile (EmployeeApp listens). */
function LanguageSwitch({ current }: { current: Language }) {
  return (
    <div class="language" role="group" aria-label={t("language")}>
      {(["fr", "en"] as const).map((code) => (
        <button type="button" class="quiet" aria-pressed={current === code} lang={code}
          aria-label={code === "fr" ? "Français" : "English"} onClick={() => { setLanguage(code); window.dispatchEvent(new CustomEvent("language-chosen", { detail: code })); }}>
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
