import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { inLanguage, t } from "../i18n";
import { showError } from "../ui/status";

interface RosterProblem { name: string; externalId: string; employees: number; problems: { message: string }[] }

/** Rosters the matching engine leaves out: HR must see why its people get nothing. */
export function RosterProblems({ companyId }: { companyId: number }) {
  const [problems, setProblems] = useState<RosterProblem[]>([]);
  useEffect(() => { api<RosterProblem[]>(`/api/companies/${companyId}/roster-problems`).then(setProblems, showError); }, [companyId]);
  if (problems.length === 0) return null;
  return (
    <section id="roster-problems" class="warning" role="alert">
      <h2>{t("rosterProblems")}</h2>
      <p class="hint">{t("rosterProblemsHint")}</p>
      <ul>{problems.map((p) => <li>{p.name} ({p.externalId}) · {t("employeesOnIt", { count: p.employees })} · {p.problems.map((i) => inLanguage(i.message)).join(" ; ")}</li>)}</ul>
    </section>
  );
}
