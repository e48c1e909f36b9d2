// Heavy work (shuttle plans, large imports, planning runs) is a job on the server: followed live on the jobs hub, with
// a slow poll in case a push is lost (every second without the hub).
import { api } from "../http";
import { jobsHub } from "./hubs";

export interface Job {
  id: number; kind: string; state: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: number; progressMessage: string | null; result?: unknown;
  error?: { code?: string; title?: string; detail?: string; parameters?: Record<string, unknown> };
}
export const finished = (job: Job) => job.state !== "queued" && job.state !== "running";

/** Follows job `id`, calling onProgress at each step, until it ends; answers its last state. */
export async function followJob(id: number, onProgress: (job: Job) => void, signal?: AbortSignal): Promise<Job> {
  const path = `/api/jobs/${id}`;
  let job = await api<Job>(path);
  const hub = await jobsHub();
  let wake = () => {};
  const pushed = (update: Job) => {
    if (update.id !== id) return;
    if (!finished(job)) onProgress(update);
    if (finished(update)) wake();
  };
  hub?.on("job", pushed);
  try {
    while (!finished(job) && !signal?.aborted) {
      onProgress(job);
      await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, hub ? 5000 : 1000); });
      job = await api<Job>(path);
    }
  } finally {
    hub?.off("job", pushed);
  }
  return job;
}

export const cancelJob = (id: number) => api(`/api/jobs/${id}`, { method: "DELETE" });
