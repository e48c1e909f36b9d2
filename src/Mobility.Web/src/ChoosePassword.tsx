import { useState } from "preact/hooks";
import { api } from "./http";
import { t } from "./i18n";
import { showError, showNotice } from "./ui/status";

/** With an invitation token: a new employee's first password. Without: the signed-in person replaces a given one. */
export function ChoosePassword({ invitation, onDone }: { invitation?: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    try {
      if (invitation) await api("/api/auth/invitation", { json: { token: invitation, password: data.get("newPassword") } });
      else await api("/api/auth/password", { json: { currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword") } });
      showNotice(t("passwordChosen"));
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card narrow">
      <h1>{t("choosePassword")}</h1>
      {!invitation && <p class="hint">{t("mustChangePassword")}</p>}
      <form id="choose-password-form" onSubmit={submit} class="stack">
        {!invitation && <label>{t("currentPassword")}<input name="currentPassword" type="password" autocomplete="current-password" required /></label>}
        <label>{t("newPassword")}<input name="newPassword" type="password" autocomplete="new-password" minLength={10} required /></label>
        <button type="submit" class="primary" disabled={busy}>{t("savePassword")}</button>
      </form>
    </section>
  );
}
