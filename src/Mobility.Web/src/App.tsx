// The page: sign-in, then what the account's role may see. A link mailed to a new employee (#invitation=TOKEN) lets
// them choose their password; a first password given by someone else must be replaced before anything else.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./http";
import { setLanguage, t, useLanguage, type Language } from "./i18n";
import { readAccount, signOut, type Account } from "./session";
import { clearStatus, showError, StatusBar } from "./ui/status";
import { SignIn } from "./SignIn";
import { ChoosePassword } from "./ChoosePassword";
import { EmployeeApp } from "./employee/EmployeeApp";
import { HrConsole } from "./hr/HrConsole";
import { WorkingGroup } from "./group/WorkingGroup";
import { Scenarios } from "./group/Scenarios";
import { Networks } from "./admin/Networks";

/** The page's hash, followed (the working group's #scenarios). */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  return hash;
}

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
      <header class="top">
        <a class="brand" href="#">Mobility</a>
        {account && <span class="who">{account.displayName ?? account.email}</span>}
        <nav class="top-actions">
          {account?.role === "WorkingGroup" && <a class="quiet" href="#scenarios">{t("scenarios.link")}</a>}
          <LanguageSwitch current={language} />
          {account && <button type="button" class="quiet" onClick={leave}>{t("signOut")}</button>}
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
  const hash = useHash();
  switch (account.role) {
    case "Employee": return <EmployeeApp account={account} />;
    case "HrManager": return <HrConsole companyId={account.companyId!} />;
    case "WorkingGroup": return hash === "#scenarios" ? <Scenarios networkId={account.networkId!} /> : <WorkingGroup networkId={account.networkId!} />;
    case "Administrator": return <Networks />;
  }
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
