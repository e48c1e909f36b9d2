// HR's console: the rosters the engine leaves out (always in sight), then one section at a time: the company's
// employees, rosters on a week grid, importing a file, and shuttle plans. Sections are tabs addressed by the URL's hash
// (#employees, #rosters, #import, #shuttles), so that a phone does not scroll 10,000 px of employee cards to reach the
// import; all stay mounted (hidden), so that a preview or a running plan is still there when HR comes back to it.
import { RosterProblems } from "./RosterProblems";
import { Employees } from "./Employees";
import { ImportFile } from "./ImportFile";
import { Shuttles } from "./Shuttles";
import { Rosters } from "./Rosters";
import { useEffect, useState } from "preact/hooks";
import { t, type TextKey } from "../i18n";
import { useRoute } from "../ui/router";

const sections = ["employees", "rosters", "import", "shuttles"] as const;
type Section = (typeof sections)[number];

export function HrConsole({ companyId }: { companyId: number }) {
  const [imported, setImported] = useState(0);
  const [asked] = useRoute();
  const section: Section = (sections as readonly string[]).includes(asked) ? (asked as Section) : "employees";
  useEffect(() => { scrollTo(0, 0); }, [section]);
  return (
    <div class="console">
      <h1>{t("hrConsole")}</h1>
      <RosterProblems companyId={companyId} />
      <nav class="tabs many" aria-label={t("sections")}>
        {sections.map((s) => (
          <a href={`#${s}`} class={s === section ? "active" : ""} aria-current={s === section ? "page" : undefined}>{t(`hr.tab.${s}` as TextKey)}</a>))}
      </nav>
      <div hidden={section !== "employees"}><Employees companyId={companyId} version={imported} /></div>
      <div hidden={section !== "rosters"}><Rosters companyId={companyId} onChanged={() => setImported((n) => n + 1)} /></div>
      <div hidden={section !== "import"}>
        <ImportFile doors={[{ kind: "employees", path: `/api/companies/${companyId}/imports/employees` }, { kind: "shifts", path: `/api/companies/${companyId}/imports/shifts` }]}
          onImported={() => setImported((n) => n + 1)} />
      </div>
      <div hidden={section !== "shuttles"}><Shuttles companyId={companyId} /></div>
    </div>
  );
}
