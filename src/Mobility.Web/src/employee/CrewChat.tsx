// A group's thread: its members talk before the ride ("5 minutes late"). Messages are pushed live to the open thread;
// what others wrote is hostile text, rendered as text. The server limits length and pace and says why it refuses.
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../http";
import { formatTime, t, type TextKey } from "../i18n";
import { crewMessages } from "../live/hubs";
import { showError } from "../ui/status";
import { quickMessages, type CrewMessage } from "./model";

const maximumLength = 500;

export function CrewChat({ groupId }: { groupId: number }) {
  const [messages, setMessages] = useState<CrewMessage[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const path = `/api/me/proposals/${groupId}/crew-messages`;

  const add = (message: CrewMessage) => setMessages((shown) => shown && !shown.some((m) => m.id === message.id) ? [...shown, message] : shown);
  useEffect(() => {
    api<{ items: CrewMessage[] }>(path).then((page) => setMessages(page.items), (error) => { setMessages([]); showError(error); });
    const pushed = (event: Event) => { const message = (event as CustomEvent<CrewMessage>).detail; if (message.groupId === groupId) add(message); };
    crewMessages.addEventListener("message", pushed);
    return () => crewMessages.removeEventListener("message", pushed);
  }, [groupId]);
  useEffect(() => { list.current?.lastElementChild?.scrollIntoView({ block: "nearest" }); }, [messages?.length]);

  const send = async (body: { text?: string; quickMessage?: string }) => {
    setBusy(true);
    try {
      add(await api<CrewMessage>(path, { json: body }));
      if (body.text) setText("");
    } catch (error) { showError(error); } finally { setBusy(false); }
  };

  return (
    <section class="crew-chat" aria-labelledby={`chat-${groupId}`}>
      <h2 id={`chat-${groupId}`}>{t("chat")}</h2>
      {messages === null ? <p class="loading">{t("loading")}</p> : messages.length === 0 ? <p class="hint">{t("chatEmpty")}</p> : (
        <ol class="messages" ref={list} aria-live="polite">
          {messages.map((m) => (
            <li class={m.mine ? "mine" : ""}>
              <span class="author">{m.mine ? t("me") : `${m.author?.firstName ?? "?"} (${m.author?.company ?? "?"})`}</span>
              <span class="when"> · {formatTime(m.sentAt)}</span>
              <p>{m.quickMessage ? t(`quick.${m.quickMessage}` as TextKey) : m.text}</p>
            </li>
          ))}
        </ol>
      )}
      <div class="quick" role="group" aria-label={t("quickMessages")}>
        {quickMessages.map((code) => <button type="button" disabled={busy} onClick={() => send({ quickMessage: code })}>{t(`quick.${code}` as TextKey)}</button>)}
      </div>
      <form class="chat-form" onSubmit={(event) => { event.preventDefault(); if (text.trim()) send({ text }); }}>
        <label class="grow">{t("chatMessage")}
          <textarea name="text" rows={2} maxLength={maximumLength} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <span class="hint">{text.length} / {maximumLength}</span>
        <button type="submit" class="primary" disabled={busy || !text.trim()}>{t("send")}</button>
      </form>
    </section>
  );
}
