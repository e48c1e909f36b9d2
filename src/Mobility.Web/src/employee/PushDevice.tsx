// Notifications on this phone (Web Push): opt-in per device. The browser asks the person; the subscription goes to our
// server, which sends codes only (no names) through the browser vendor's push service; the service worker words them.
import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { t } from "../i18n";
import { showError, showNotice } from "../ui/status";

const supported = () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/** The VAPID key (base64url) as the bytes PushManager wants. */
function keyBytes(base64url: string): Uint8Array {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export function PushDevice() {
  const [subscription, setSubscription] = useState<PushSubscription | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!supported()) { setSubscription(null); return; }
    navigator.serviceWorker.ready.then((registration) => registration.pushManager.getSubscription()).then(setSubscription, () => setSubscription(null));
  }, []);

  const turnOn = async () => {
    setBusy(true);
    try {
      if (await Notification.requestPermission() !== "granted") { showNotice(t("pushRefused")); return; }
      const { publicKey } = await api<{ publicKey: string }>("/api/push/public-key");
      const registration = await navigator.serviceWorker.ready;
      const made = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) as BufferSource });
      const json = made.toJSON();
      await api("/api/me/push-subscriptions", { json: { endpoint: json.endpoint, keys: json.keys, deviceLabel: navigator.platform || undefined } });
      setSubscription(made);
      showNotice(t("pushOn"));
    } catch (error) { showError(error); } finally { setBusy(false); }
  };
  const turnOff = async () => {
    if (!subscription) return;
    setBusy(true);
    try {
      await api(`/api/me/push-subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`, { method: "DELETE" }).catch(() => null);
      await subscription.unsubscribe();
      setSubscription(null);
      showNotice(t("pushOff"));
    } catch (error) { showError(error); } finally { setBusy(false); }
  };

  return (
    <div class="card stack" id="push">
      <h2>{t("pushTitle")}</h2>
      <p class="hint">{t("pushHint")}</p>
      {subscription === undefined ? <p class="loading">{t("loading")}</p>
        : !supported() ? <p class="hint">{t("pushUnsupported")}</p>
          : subscription ? <button type="button" disabled={busy} onClick={turnOff}>{t("pushTurnOff")}</button>
            : <button type="button" class="primary" disabled={busy} onClick={turnOn}>{t("pushTurnOn")}</button>}
    </div>
  );
}
