// An employee's message stream, live: the SignalR hub pushes each message as it is stored; after every (re)connection
// the page asks the hub to replay what it missed since the last sequence number it saw, so nothing is lost and nothing
// counted twice. Without SignalR (the script blocked, WebSockets refused), the same stream is read over REST.

/** Calls onMessages(messages) with messages after `afterSequence`, in order, each once; returns a function that stops. */
export async function followMessages(afterSequence, onMessages, onState = () => {}) {
  let last = afterSequence;
  const deliver = async (messages) => {
    const fresh = messages.filter((m) => m.sequence > last).sort((a, b) => a.sequence - b.sequence);
    if (fresh.length === 0) return;
    last = fresh[fresh.length - 1].sequence;
    await onMessages(fresh);
  };
  const poll = async () => {
    const response = await fetch(`/api/me/notifications?after=${last}`, { credentials: "same-origin" });
    if (response.ok) await deliver(await response.json());
  };

  if (window.signalR) {
    const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/commute").withAutomaticReconnect().build();
    connection.on("notification", (message) => deliver([message]));
    connection.onreconnecting(() => onState("reconnecting"));
    connection.onreconnected(async () => { onState("live"); await deliver(await connection.invoke("Replay", last)); });
    // After the automatic retries give up, the REST stream takes over.
    connection.onclose(() => { onState("polling"); setInterval(() => poll().catch(() => {}), 5000); });
    try {
      await connection.start();
      onState("live");
      await deliver(await connection.invoke("Replay", last));
      return () => connection.stop();
    } catch {
      // fall through to polling
    }
  }
  onState("polling");
  const timer = setInterval(() => poll().catch(() => {}), 5000);
  return () => clearInterval(timer);
}
