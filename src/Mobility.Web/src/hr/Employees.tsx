// HR's employee list: searched, filtered, sorted and paged by the server; a table that becomes a list on a phone. People are
// chosen for invitations, and one is opened to be edited (EmployeeEditor).
import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { t, type TextKey } from "../i18n";
import { showError } from "../ui/status";
import { EmployeeEditor, type Plant, type Roster } from "./EmployeeEditor";
import { Invitations } from "./Invitations";
import { fullName } from "./people";

export interface EmployeeRow {
  id: number; externalId: string; firstName: string | null; lastName: string | null; workEmail: string | null; mainSiteId: number;
  siteName: string; commune: string | null; role: string; consentToMatching: boolean; hasHome: boolean; shiftPatternId: number | null;
  shiftPatternName: string | null; account: "None" | "Invited" | "Active"; matched: boolean;
}
interface Page { items: EmployeeRow[]; pageNumber: number; pageSize: number; total: number; hasNext: boolean }

const sorts = ["Name", "ExternalId", "Site", "Commune", "Role"] as const;
type Filters = Record<"siteId" | "shiftPatternId" | "role" | "consent" | "matched" | "noHome" | "account", string>;
const noFilters: Filters = { siteId: "", shiftPatternId: "", role: "", consent: "", matched: "", noHome: "", account: "" };

function Choice({ name, label, value, options, onChange }: {
  name: string; label: string; value: string; options: [string, string][]; onChange: (value: string) => void;
}) {
  return (
    <label>{label}
      <select name={name} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t("hr.any")}</option>
        {options.map(([v, text]) => <option value={v}>{text}</option>)}
      </select>
    </label>
  );
}

export function Employees({ companyId, version }: { companyId: number; version: number }) {
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [sort, setSort] = useState<(typeof sorts)[number]>("Name");
  const [descending, setDescending] = useState(false);
  const [shown, setShown] = useState<Page | null>(null);
  const [plants, setPlants] = useState<Plant[]>([]);
  const [rosters, setRosters] = useState<Roster[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<EmployeeRow | "new" | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    api<{ items: Plant[] }>("/api/sites?kind=Plant&pageSize=500")
      .then((p) => setPlants(p.items.filter((s) => s.companyId === companyId)), showError);
    api<Roster[]>("/api/shift-patterns").then(setRosters, showError);
  }, [companyId, version, changes]);

  useEffect(() => {
    const query = new URLSearchParams({ page: String(page), pageSize: "25", sort, descending: String(descending) });
    if (search) query.set("search", search);
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    api<Page>(`/api/companies/${companyId}/employees?${query}`).then(setShown, showError);
  }, [companyId, page, search, filters, sort, descending, version, changes]);

  const filter = (key: keyof Filters) => (value: string) => { setFilters({ ...filters, [key]: value }); setPage(1); };
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  };
  const pageIds = shown?.items.map((e) => e.id) ?? [];
  const wholePage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const togglePage = () => {
    const next = new Set(selected);
    for (const id of pageIds) if (wholePage) next.delete(id); else next.add(id);
    setSelected(next);
  };
  const changed = () => { setEditing(null); setChanges((n) => n + 1); };

  return (
    <section aria-labelledby="employees-title" class="employees">
      <h2 id="employees-title">{t("employees")}</h2>
      <form class="inline-search" role="search" onSubmit={(e) => {
        e.preventDefault();
        setSearch(String(new FormData(e.currentTarget as HTMLFormElement).get("search") ?? "").trim());
        setPage(1);
      }}>
        <label>{t("hr.search")}<input name="search" type="search" maxLength={100} /></label>
        <button type="submit">{t("hr.searchButton")}</button>
      </form>
      <details class="filters">
        <summary>{t("hr.filters")}</summary>
        <div class="filter-grid">
          <Choice name="siteId" label={t("hr.site")} value={filters.siteId} onChange={filter("siteId")}
            options={plants.map((p) => [String(p.id), p.name])} />
          <Choice name="shiftPatternId" label={t("hr.roster")} value={filters.shiftPatternId} onChange={filter("shiftPatternId")}
            options={[["0", t("hr.noRoster")], ...rosters.map((r): [string, string] => [String(r.id), r.name])]} />
          <Choice name="role" label={t("role")} value={filters.role} onChange={filter("role")}
            options={["Driver", "Passenger", "Either"].map((r) => [r, t(r as TextKey)])} />
          <Choice name="consent" label={t("consentShort")} value={filters.consent} onChange={filter("consent")}
            options={[["true", t("hr.consentYes")], ["false", t("hr.consentNo")]]} />
          <Choice name="matched" label={t("hr.matched")} value={filters.matched} onChange={filter("matched")}
            options={[["true", t("hr.matchedYes")], ["false", t("hr.matchedNo")]]} />
          <Choice name="noHome" label={t("hr.home")} value={filters.noHome} onChange={filter("noHome")}
            options={[["true", t("hr.noHome")], ["false", t("hr.withHome")]]} />
          <Choice name="account" label={t("hr.account")} value={filters.account} onChange={filter("account")}
            options={["None", "Invited", "Active"].map((a) => [a, t(`account.${a}` as TextKey)])} />
          <label>{t("hr.sortBy")}
            <select name="sort" value={sort} onChange={(e) => { setSort((e.currentTarget as HTMLSelectElement).value as typeof sort); setPage(1); }}>
              {sorts.map((s) => <option value={s}>{t(`sort.${s}` as TextKey)}</option>)}
            </select>
          </label>
          <label class="check"><input type="checkbox" name="descending" checked={descending}
            onChange={(e) => { setDescending((e.currentTarget as HTMLInputElement).checked); setPage(1); }} />{t("hr.descending")}</label>
        </div>
      </details>
      <p class="actions">
        <button type="button" class="primary" onClick={() => setEditing("new")}>{t("hr.add")}</button>
      </p>
      {editing && <EmployeeEditor key={editing === "new" ? "new" : editing.id} companyId={companyId} employee={editing === "new" ? null : editing} plants={plants} rosters={rosters}
        onDone={changed} onCancel={() => setEditing(null)} />}
      <Invitations companyId={companyId} selected={[...selected]} onInvited={() => { setSelected(new Set()); setChanges((n) => n + 1); }} />
      {shown && (
        <>
          <p role="status" id="employee-count">{shown.total === 0 ? t("hr.noneFound") : t("hr.found", { total: shown.total })}</p>
          <table id="employee-table" class="responsive">
            <thead><tr>
              <th><input type="checkbox" aria-label={t("hr.selectPage")} checked={wholePage} onChange={togglePage} /></th>
              <th>{t("hrNumber")}</th><th>{t("name")}</th><th>{t("hr.site")}</th><th>{t("hr.roster")}</th><th>{t("commune")}</th>
              <th>{t("role")}</th><th>{t("consentShort")}</th><th>{t("hr.account")}</th><th>{t("hr.matched")}</th><th></th>
            </tr></thead>
            <tbody>{shown.items.map((e) => (
              <tr data-employee={e.id}>
                <td><input type="checkbox" aria-label={t("hr.select", { name: fullName(e) })} checked={selected.has(e.id)} onChange={() => toggle(e.id)} /></td>
                <td data-label={t("hrNumber")}>{e.externalId}</td>
                <td data-label={t("name")}>{fullName(e)}{!e.hasHome && <span class="chip warn"> {t("hr.noHome")}</span>}</td>
                <td data-label={t("hr.site")}>{e.siteName}</td>
                <td data-label={t("hr.roster")}>{e.shiftPatternName ?? t("hr.noRoster")}</td>
                <td data-label={t("commune")}>{e.commune ?? "—"}</td>
                <td data-label={t("role")}>{t(e.role as TextKey)}</td>
                <td data-label={t("consentShort")}>{e.consentToMatching ? t("yes") : t("no")}</td>
                <td data-label={t("hr.account")}>{t(`account.${e.account}` as TextKey)}</td>
                <td data-label={t("hr.matched")}>{e.matched ? t("yes") : t("no")}</td>
                <td><button type="button" class="edit" onClick={() => setEditing(e)}>{t("hr.edit")}</button></td>
              </tr>))}
            </tbody>
          </table>
          <p class="pager">
            <button type="button" disabled={shown.pageNumber <= 1} onClick={() => setPage(page - 1)}>{t("previous")}</button>
            <span>{shown.pageNumber} / {Math.max(1, Math.ceil(shown.total / shown.pageSize))}</span>
            <button type="button" disabled={!shown.hasNext} onClick={() => setPage(page + 1)}>{t("next")}</button>
          </p>
        </>
      )}
    </section>
  );
}
