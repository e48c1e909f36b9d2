// HR's console: rosters the engine leaves out, the company's employees, rosters on a week grid, importing a file, and shuttle plans.
import { RosterProblems } from "./RosterProblems";
import { Employees } from "./Employees";
import { ImportFile } from "./ImportFile";
import { Shuttles } from "./Shuttles";
import { Rosters } from "./Rosters";
import { useState } from "preact/hooks";
import { t } from "../i18n";

export function HrConsole({ companyId }: { companyId: number }) {
  const [imported, setImported] = useState(0);
  return (
    <div class="console">
      <h1>{t("hrConsole")}</h1>
      <RosterProblems companyId={companyId} />
      <Employees companyId={companyId} version={imported} />
      <Rosters companyId={companyId} onChanged={() => setImported((n) => n + 1)} />
      <ImportFile doors={[{ kind: "employees", path: `/api/companies/${companyId}/imports/employees` }, { kind: "shifts", path: `/api/companies/${companyId}/imports/shifts` }]} onImported={() => setImported((n) => n + 1)} />
      <Shuttles companyId={companyId} />
    </div>
  );
}
