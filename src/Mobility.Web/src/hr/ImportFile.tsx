// Importing the company's employees from a file: a small file is imported at once, a large one (or any, since this page
// asks for it) becomes a job followed with its progress. A refused file says plainly that nothing was imported and lists
// every bad line.
import { useState } from "preact/hooks";
import { api, toApiError } from "../http";
import { formatNumber, inLanguage, t } from "../i18n";
import { cancelJob, followJob, type Job } from "../live/jobs";
import { JobProgress } from "../ui/JobProgress";
import { errorText, showError } from "../ui/status";

interface ImportReport { rows: number; inserted: number; updated: number }
interface LineError { line: number; column?: string | null; reason: string }

export function ImportFile({ companyId, onImported }: { companyId: number; onImported: () => void }) {
  const [job, setJob] = useState<Job | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [refused, setRefused] = useState<{ text: string; lines: LineError[] } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const file = (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>("input[type=file]")!.files![0];
    if (!file) return;
    setReport(null); setRefused(null);
    try {
      const answer = await api<Job | ImportReport>(`/api/companies/${companyId}/imports/employees`, {
        body: file, headers: { "Content-Type": "text/csv", Prefer: "respond-async" } });
      let result: ImportReport;
      if ("state" in answer) {
        const ended = await followJob(answer.id, setJob);
        setJob(null);
        if (ended.state === "cancelled") { setRefused({ text: t("job.cancelled"), lines: [] }); return; }
        if (ended.state === "failed") {
          const lines = (ended.error?.parameters?.lineErrors as LineError[] | undefined) ?? [];
          setRefused({ text: errorText(toApiError(400, ended.error)), lines });
          return;
        }
        result = ended.result as ImportReport;
      } else result = answer;
      setReport(result);
      onImported();
    } catch (error) {
      setJob(null);
      const lines = ((error as { parameters?: { lineErrors?: LineError[] } }).parameters?.lineErrors) ?? [];
      if (lines.length) setRefused({ text: t("importRefused"), lines }); else showError(error);
    }
  };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t("import")}</h2>
      <form id="import-form" class="stack" onSubmit={submit}>
        <label>{t("importFile")}<input name="file" type="file" accept=".csv,text/csv" required /></label>
        <button type="submit" class="primary" disabled={!!job}>{t("importButton")}</button>
      </form>
      <div id="import-result" aria-live="polite">
        {job && <JobProgress job={job} onCancel={() => cancelJob(job.id).catch(showError)} />}
        {report && <p class="success">{t("importDone", { rows: formatNumber(report.rows), inserted: formatNumber(report.inserted), updated: formatNumber(report.updated) })}</p>}
        {refused && (
          <div class="warning" role="alert">
            <p><strong>{t("nothingImported")}</strong> {refused.text}</p>
            {refused.lines.length > 0 && <ul class="line-errors">{refused.lines.map((e) => <li>{t("lineError", { line: e.line, column: e.column ?? "" })} {inLanguage(e.reason)}</li>)}</ul>}
          </div>
        )}
      </div>
    </section>
  );
}
