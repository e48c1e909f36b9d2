import { formatNumber, t, type TextKey } from "../i18n";
import type { Job } from "../live/jobs";

const stepWords: Record<string, TextKey> = {
  started: "job.started", "loading-demand": "job.loadingDemand", "planning-waves": "job.planningWaves", comparing: "job.comparing",
  saving: "job.saving", "reading-file": "job.readingFile", "checking-lines": "job.checkingLines", "writing-rows": "job.writingRows",
};

/** A running job: what it is doing, how far, and a way to stop it; `steps` words a kind's own steps. */
export function JobProgress({ job, onCancel, steps }: { job: Job; onCancel: () => void; steps?: Record<string, TextKey> }) {
  const step = job.progressMessage ?? "";
  const words = job.state === "queued" ? t("job.queued") : t(steps?.[step] ?? stepWords[step] ?? "job.started");
  return (
    <div class="job" role="status">
      <p>{words} · {formatNumber(Math.round(job.progress * 100))} %</p>
      <progress max={1} value={job.progress} aria-label={words} />
      <button type="button" onClick={onCancel}>{t("job.cancel")}</button>
    </div>
  );
}
