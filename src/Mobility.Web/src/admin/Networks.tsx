import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { t } from "../i18n";
import { showError, showNotice } from "../ui/status";

interface Network { id: number; name: string }

/** Administrators: the networks, and a re-match of a network's next days on demand. */
export function Networks() {
  const [networks, setNetworks] = useState<Network[]>([]);
  useEffect(() => { api<{ items: Network[] }>("/api/networks").then((n) => setNetworks(n.items), showError); }, []);
  const run = (id: number) => api(`/api/networks/${id}/planning-runs`, { method: "POST" }).then(() => showNotice(t("runQueued")), showError);
  return (
    <section>
      <h1>{t("networks")}</h1>
      <ul id="network-list" class="list">{networks.map((n) => <li>{n.name} <button type="button" onClick={() => run(n.id)}>{t("run")}</button></li>)}</ul>
    </section>
  );
}
