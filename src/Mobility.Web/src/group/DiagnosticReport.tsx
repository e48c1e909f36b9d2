// The working group's mobility diagnostic: one click queues the report (a job on the server), its progress is shown per
// section, and the PDF is offered for download when it is ready. Failures are worded from their codes.
import { useState } from "preact/hooks";
import { api, toApiError } from "../http";
import { formatNumber, t, type TextKey } from "../i18n";
import { cancelJob, followJob, type Job } from "../live/jobs";
import { errorText, showError } from "../ui/status";
import { JobProgress } from "../ui/JobProgress";

/** The dashboard's filters; the report covers the whole network, so only the date is read. */
export interface DashboardFilter { date?: string; company?: number | string; plant?: number | string; roster?: number | string; shift?: string }

interface Outcome { download: string; bytes: number; language: string }

const steps: Record<string, TextKey> = {
  places: "diagnostic.step.places", accessibility: "diagnostic.step.accessibility", homes: "diagnostic.step.homes",
  shifts: "diagnostic.step.shifts", potential: "diagnostic.step.potential", savings: "diagnostic.step.savings",
  printing: "diagnostic.step.printing", saving: "job.saving",
};

export function DiagnosticReport({ networkId, filter = {} }: { networkId: number; filter?: DashboardFilter }) {
  const [job, setJob] = useState<Job | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const make = async () => {
    setOutcome(null); setFailure(null);
    try {
      const query = filter.date ? `?date=${encodeURIComponent(filter.date)}` : "";
      const queued = await api<Job>(`/api/networks/${networkId}/reports${query}`, { method: "POST" });
      setJob(queued);
      const ended = await followJob(queued.id, setJob);
      setJob(null);
      if (ended.state === "cancelled") { setFailure(t("job.cancelled")); return; }
      if (ended.state === "failed") { setFailure(t("diagnostic.failed", { reason: errorText(toApiError(400, ended.error)) })); return; }
      setOutcome(ended.result as Outcome);
    } catch (error) { setJob(null); showError(error); }
  };

  return (
    <section class="diagnostic-report" aria-labelledby="diagnostic-report-title">
      <h2 id="diagnostic-report-title">{t("diagnostic.report")}</h2>
      <p class="hint">{t("diagnostic.reportHint")}</p>
      <button type="button" class="primary" id="diagnostic-make" disabled={!!job} onClick={make}>{t("diagnostic.make")}</button>
      <div aria-live="polite">
        {job && <JobProgress job={job} steps={steps} onCancel={() => cancelJob(job.id).catch(showError)} />}
        {failure && <p class="warning" role="alert">{failure}</p>}
        {outcome && (
          <>
            <p>{t("diagnostic.ready", { size: formatNumber(Math.max(1, Math.round(outcome.bytes / 1024))) })}</p>
            <p><a class="button" id="diagnostic-download" href={outcome.download} download>{t("diagnostic.download")}</a></p>
          </>
        )}
      </div>
    </section>
  );
}
