import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { t } from "../i18n";
import { showError, showNotice } from "../ui/status";
import { ImportFile } from "../hr/ImportFile";

interface Network { id: number; name: string }

/** Administrators: the networks, a re-match of a network's next days on demand, and a network's files of sites and rosters. */
export function Networks() {
  const [networks, setNetworks] = useState<Network[]>([]);
  useEffect(() => { api<{ items: Network[] }>("/api/networks").then((n) => setNetworks(n.items), showError); }, []);
  const run = (id: number) => api(`/api/networks/${id}/planning-runs`, { method: "POST" }).then(() => showNotice(t("runQueued")), showError);
  return (
    <section>
      <h1>{t("networks")}</h1>
      <ul id="network-list" class="list">{networks.map((n) => <li>{n.name} <button type="button" onClick={() => run(n.id)}>{t("run")}</button></li>)}</ul>
      {networks.map((n) => (
        <details>
          <summary>{n.name} · {t("import.title")}</summary>
          <ImportFile doors={[{ kind: "sites", path: `/api/networks/${n.id}/imports/sites` }, { kind: "shifts", path: `/api/networks/${n.id}/imports/shifts` }]}
            onImported={() => {}} />
        </details>
      ))}
    </section>
  );
}
