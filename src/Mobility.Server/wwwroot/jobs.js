// Heavy work (shuttle plans, large imports) is a job on the server. The page follows it live on the jobs hub, which
// pushes each progress step and the end to the requester; a slow poll stays on in case a push is lost, and without
// SignalR the page polls every second.
import { t } from "./i18n.js";
import { element } from "./dom.js";

const progressWords = { started: "jobStarted", "loading-demand": "jobLoadingDemand", "planning-waves": "jobPlanningWaves",
  comparing: "jobComparing", saving: "jobSaving", "reading-file": "jobReadingFile", "checking-lines": "jobCheckingLines",
  "writing-rows": "jobWritingRows" };
const done = (job) => job.state !== "queued" && job.state !== "running";

async function read(location, options = {}) {
  const response = await fetch(location, { credentials: "same-origin", ...options });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail || body?.title || response.statusText);
  return body;
}

let hub = null;
/** One connection to the jobs hub for the page, or null when SignalR is missing or refused. */
async function jobsHub() {
  if (!window.signalR) return null;
  if (!hub) {
    const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/jobs").withAutomaticReconnect().build();
    hub = connection.start().then(() => connection, () => null);
  }
  return hub;
}

/** A progress line, a bar and a cancel button, drawn into `place`. */
export function showJobProgress(place, job, cancel) {
  const words = job.state === "queued" ? t("jobQueued") : t(progressWords[job.progressMessage] ?? "jobStarted");
  place.replaceChildren(element("p", {}, `${words} · ${Math.round(job.progress * 100)} %`),
    element("progress", { max: 1, value: job.progress }), cancel);
}

/** Follows the job at `location` (showing its progress in `place`, with a cancel button) until it ends; answers its last state. */
export async function followJob(location, place) {
  const cancel = element("button", { type: "button" }, t("jobCancel"));
  cancel.onclick = () => {
    cancel.disabled = true;
    read(location, { method: "DELETE" }).catch((error) => { place.textContent = error.message; });
  };
  let job = await read(location);
  const connection = await jobsHub();
  let wake = () => {};
  const onUpdate = (update) => {
    if (update.id !== job.id) return;
    if (!done(job)) showJobProgress(place, update, cancel);
    if (done(update)) wake();
  };
  connection?.on("job", onUpdate);
  try {
    while (!done(job)) {
      showJobProgress(place, job, cancel);
      await new Promise((resolve) => { wake = resolve; setTimeout(resolve, connection ? 5000 : 1000); });
      job = await read(location);
    }
  } finally {
    connection?.off("job", onUpdate);
  }
  return job;
}
