import { useState } from "preact/hooks";
import { ApiError } from "./http";
import { t } from "./i18n";
import { signIn } from "./session";
import { clearStatus, showError } from "./ui/status";

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setBusy(true);
    try {
      await signIn(String(data.get("email")), String(data.get("password")));
      clearStatus();
      onSignedIn();
    } catch (error) {
      // A refused sign-in never says which of the two was wrong.
      showError(error instanceof ApiError && error.status === 401 ? new ApiError(401, "sign-in-refused", undefined) : error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card narrow">
      <h1>{t("signIn")}</h1>
      <p class="hint">{t("tagline")}</p>
      <form id="sign-in-form" onSubmit={submit} class="stack">
        <label>{t("email")}<input name="email" type="email" autocomplete="username" required /></label>
        <label>{t("password")}<input name="password" type="password" autocomplete="current-password" required /></label>
        <button type="submit" class="primary" disabled={busy}>{t("signIn")}</button>
      </form>
      <p class="hint">{t("demoHint")}</p>
    </section>
  );
}
