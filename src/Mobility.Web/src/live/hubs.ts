// Live pushes over SignalR. The commute hub carries an employee's message stream: after every (re)connection the app
// asks it to replay what it missed since the last sequence number seen, so nothing is lost and nothing counted twice;
// when the connection gives up, the same stream is read over REST every few seconds. The jobs hub pushes the progress
// of the requester's own jobs.
// The SignalR client is loaded once the page is drawn (its own chunk), not before the first screen.
import type { HubConnection } from "@microsoft/signalr";
import { api } from "../http";

export type LiveState = "connecting" | "live" | "reconnecting" | "polling";
export interface StreamMessage { sequence: number; kind: string; payload: unknown; createdAt: string }

/** Crew messages pushed on the commute hub, for the open thread (employee/CrewChat) to listen to. */
export const crewMessages = new EventTarget();

/** Calls onMessages with messages after `after`, in order, each once; answers a function that stops. */
export function followMessages(after: number, onMessages: (messages: StreamMessage[]) => void, onState: (state: LiveState) => void): () => void {
  let last = after;
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const deliver = (messages: StreamMessage[]) => {
    const fresh = messages.filter((m) => m.sequence > last).sort((a, b) => a.sequence - b.sequence);
    if (fresh.length === 0 || stopped) return;
    last = fresh[fresh.length - 1].sequence;
    onMessages(fresh);
  };
  const poll = () => api<StreamMessage[]>(`/api/me/notifications?after=${last}`).then(deliver, () => {});
  const startPolling = () => { onState("polling"); clearInterval(timer); timer = setInterval(poll, 5000); };

  let connection: HubConnection | undefined;
  onState("connecting");
  import("@microsoft/signalr").then(({ HubConnectionBuilder }) => {
    if (stopped) return;
    const live = new HubConnectionBuilder().withUrl("/hubs/commute").withAutomaticReconnect().build();
    connection = live;
    live.on("notification", (message: StreamMessage) => deliver([message]));
    live.on("crewMessage", (message: unknown) => crewMessages.dispatchEvent(new CustomEvent("message", { detail: message })));
    live.onreconnecting(() => onState("reconnecting"));
    live.onreconnected(async () => { onState("live"); deliver(await live.invoke("Replay", last)); });
    live.onclose(() => { if (!stopped) startPolling(); });
    live.start().then(async () => { onState("live"); deliver(await live.invoke("Replay", last)); }, startPolling);
  }, startPolling);
  return () => { stopped = true; clearInterval(timer); connection?.stop(); };
}

let jobs: Promise<HubConnection | null> | null = null;
/** One connection to the jobs hub for the page, or null when it is refused (the caller then polls). */
export function jobsHub(): Promise<HubConnection | null> {
  if (!jobs) {
    jobs = import("@microsoft/signalr").then(({ HubConnectionBuilder }) => {
      const connection = new HubConnectionBuilder().withUrl("/hubs/jobs").withAutomaticReconnect().build();
      return connection.start().then(() => connection, () => null);
    }, () => null);
  }
  return jobs;
}
