import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { t, textForCode } from "../i18n";
import { showError } from "../ui/status";

/** What is wrong with a roster: the slot (from 0; null for the roster itself) and a field code of the server. */
interface RosterIssue { slot: number | null; field: string; code: string; parameters: Record<string, unknown> }
interface RosterProblem { name: string; externalId: string; employees: number; problems: RosterIssue[] }

const issueText = (issue: RosterIssue) =>
  (issue.slot === null ? "" : `${t("rosterSlot", { slot: issue.slot + 1 })} `) + (textForCode("field.", issue.code, issue.parameters) ?? t("error.invalid"));

/** Rosters the matching engine leaves out: HR must see why its people get nothing. */
export function RosterProblems({ companyId }: { companyId: number }) {
  const [problems, setProblems] = useState<RosterProblem[]>([]);
  useEffect(() => { api<RosterProblem[]>(`/api/companies/${companyId}/roster-problems`).then(setProblems, showError); }, [companyId]);
  if (problems.length === 0) return null;
  return (
    <section id="roster-problems" class="warning" role="alert">
      <h2>{t("rosterProblems")}</h2>
      <p class="hint">{t("rosterProblemsHint")}</p>
      <ul>{problems.map((p) => <li>{p.name} ({p.externalId}) · {t("employeesOnIt", { count: p.employees })} · {p.problems.map(issueText).join(" ; ")}</li>)}</ul>
    </section>
  );
}
