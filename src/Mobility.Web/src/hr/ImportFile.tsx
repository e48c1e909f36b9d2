// Importing a file (employees, rosters or sites; CSV or .xlsx) in two steps: the server checks it first and answers a
// preview (the columns it recognised, the first rows, every error with its line and the file's own column name), nothing
// written; only a file without errors can then be imported, as a job followed with its progress. The error list also
// downloads as a CSV in the interface's language.
import { useState } from "preact/hooks";
import { api, toApiError } from "../http";
import { formatNumber, hasText, language, t, textForCode, type TextKey } from "../i18n";
import { cancelJob, followJob, type Job } from "../live/jobs";
import { JobProgress } from "../ui/JobProgress";
import { errorText, showError } from "../ui/status";

export type ImportKind = "employees" | "shifts" | "sites";
/** A kind of file this page may import, and the API path of its import (its preview and error list beside it). */
export interface ImportDoor { kind: ImportKind; path: string }

interface LineError { line: number; column?: string | null; field?: string | null; code: string; parameters?: Record<string, unknown> }
interface Preview {
  rows: number; errors: number; lineErrors: LineError[]; format?: string; columns: { header: string; field: string }[];
  unknown: string[]; headers: string[]; firstRows: { line: number; cells: string[] }[];
  addresses: { line: number; written: string; matched: string; confidence: number }[];
}
interface Outcome { rows: number; inserted: number; updated: number; geocoded?: number }

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const contentType = (file: File) => (/\.xlsx$/i.test(file.name) ? xlsxType : "text/csv");

export const errorWords = (error: LineError) => textForCode("field.", error.code, error.parameters) ?? error.code;
const fieldWords = (field: string) => { const key = `import.field.${field}`; return hasText(key) ? t(key as TextKey) : field; };

export function ImportFile({ doors, onImported }: { doors: ImportDoor[]; onImported: () => void }) {
  const [kind, setKind] = useState<ImportKind>(doors[0].kind);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [checking, setChecking] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [refused, setRefused] = useState<{ text: string; lines: LineError[] } | null>(null);
  const path = doors.find((d) => d.kind === kind)!.path;
  const send = (suffix: string, extra: Record<string, string> = {}) =>
    api(`${path}${suffix}`, { body: file!, headers: { "Content-Type": contentType(file!), ...extra } });

  const reset = () => { setPreview(null); setOutcome(null); setRefused(null); };
  const check = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    reset();
    setChecking(true);
    try { setPreview(await send("/preview") as Preview); } catch (error) { showError(error); } finally { setChecking(false); }
  };
  const confirm = async () => {
    setOutcome(null); setRefused(null);
    try {
      const answer = await send("", { Prefer: "respond-async" }) as Job | Outcome;
      let result: Outcome;
      if ("state" in answer) {
        const ended = await followJob(answer.id, setJob);
        setJob(null);
        if (ended.state === "cancelled") { setRefused({ text: t("job.cancelled"), lines: [] }); return; }
        if (ended.state === "failed") {
          const lines = (ended.error?.parameters?.lineErrors as LineError[] | undefined) ?? [];
          setRefused({ text: lines.length ? t("import.nothingWritten", { errors: formatNumber(lines.length) }) : errorText(toApiError(400, ended.error)), lines });
          return;
        }
        result = ended.result as Outcome;
      } else result = answer;
      setPreview(null);
      setOutcome(result);
      onImported();
    } catch (error) {
      setJob(null);
      const lines = ((error as { parameters?: { lineErrors?: LineError[] } }).parameters?.lineErrors) ?? [];
      if (lines.length) setRefused({ text: t("import.nothingWritten", { errors: formatNumber(lines.length) }), lines }); else showError(error);
    }
  };
  const download = async () => {
    try {
      const text = await send("/errors.csv", { Accept: "text/csv", "Accept-Language": language() }) as string;
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(["\uFEFF", text.replace(/^\uFEFF/, "")], { type: "text/csv;charset=utf-8" }));
      link.download = `${language() === "fr" ? "erreurs" : "errors"}-${file!.name.replace(/\.[^.]+$/, "")}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) { showError(error); }
  };

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t("import.title")}</h2>
      <form id="import-form" class="stack" onSubmit={check}>
        {doors.length > 1 && (
          <label>{t("import.kind")}
            <select name="kind" value={kind} onChange={(e) => { setKind((e.currentTarget as HTMLSelectElement).value as ImportKind); reset(); }}>
              {doors.map((d) => <option value={d.kind}>{t(`import.kind.${d.kind}`)}</option>)}
            </select>
          </label>
        )}
        <label>{t("import.file")}
          <input name="file" type="file" accept=".csv,.xlsx,text/csv" required
            onChange={(e) => { setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null); reset(); }} />
        </label>
        <button type="submit" class="primary" disabled={!file || checking || !!job}>{t("import.check")}</button>
      </form>
      <div id="import-result" aria-live="polite">
        {job && <JobProgress job={job} onCancel={() => cancelJob(job.id).catch(showError)} />}
        {outcome && (
          <p class="success" role="status">
            {t("import.done", { rows: formatNumber(outcome.rows), inserted: formatNumber(outcome.inserted), updated: formatNumber(outcome.updated) })}
            {outcome.geocoded ? ` ${t("import.doneAddresses", { geocoded: formatNumber(outcome.geocoded) })}` : ""}
          </p>
        )}
        {refused && (
          <div class="warning" role="alert">
            <p><strong>{refused.text}</strong></p>
            {refused.lines.length > 0 && <ErrorTable errors={refused.lines} />}
          </div>
        )}
        {preview && <PreviewView preview={preview} busy={!!job} onConfirm={confirm} onDownload={download} />}
      </div>
    </section>
  );
}

function PreviewView({ preview, busy, onConfirm, onDownload }: { preview: Preview; busy: boolean; onConfirm: () => void; onDownload: () => void }) {
  const errors = preview.lineErrors;
  return (
    <div id="import-preview" class="stack">
      <h3>{t("import.previewTitle")}</h3>
      <p>{t("import.rows", { rows: formatNumber(preview.rows) })}</p>
      {errors.length === 0
        ? <p class="success">{t("import.noErrors")}</p>
        : (
          <div class="warning" role="alert">
            <p><strong>{errors.length === 1 ? t("import.oneErrorFound") : t("import.errorsFound", { errors: formatNumber(errors.length) })}</strong></p>
            <button type="button" onClick={onDownload}>{t("import.downloadErrors")}</button>
            <ErrorTable errors={errors} />
          </div>
        )}
      {errors.length === 0 && preview.rows > 0 && (
        <p><button type="button" class="primary" id="import-confirm" disabled={busy} onClick={onConfirm}>{t("import.confirm", { rows: formatNumber(preview.rows) })}</button></p>
      )}
      <details open={errors.length === 0}>
        <summary>{t("import.columns")}</summary>
        <table class="responsive">
          <thead><tr><th>{t("import.columnFile")}</th><th>{t("import.columnField")}</th></tr></thead>
          <tbody>{preview.columns.map((c) => (
            <tr><td data-label={t("import.columnFile")}>{c.header}</td><td data-label={t("import.columnField")}>{fieldWords(c.field)}</td></tr>
          ))}</tbody>
        </table>
        {preview.unknown.length > 0 && <p>{t("import.unknownColumns", { columns: preview.unknown.join(", ") })}</p>}
      </details>
      {preview.addresses.length > 0 && (
        <details open>
          <summary>{t("import.addresses")}</summary>
          <table class="responsive">
            <thead><tr><th>{t("import.line")}</th><th>{t("import.addressWritten")}</th><th>{t("import.addressMatched")}</th><th>{t("import.confidence")}</th></tr></thead>
            <tbody>{preview.addresses.map((a) => (
              <tr>
                <td data-label={t("import.line")}>{a.line}</td><td data-label={t("import.addressWritten")}>{a.written}</td>
                <td data-label={t("import.addressMatched")}>{a.matched}</td>
                <td data-label={t("import.confidence")}>{formatNumber(Math.round(a.confidence * 100))} %</td>
              </tr>
            ))}</tbody>
          </table>
        </details>
      )}
      {preview.firstRows.length > 0 && (
        <details>
          <summary>{t("import.firstRows")}</summary>
          <div class="scroll-x">
            <table class="responsive">
              <thead><tr><th>{t("import.line")}</th>{preview.headers.map((h) => <th>{h}</th>)}</tr></thead>
              <tbody>{preview.firstRows.map((r) => (
                <tr><td data-label={t("import.line")}>{r.line}</td>{preview.headers.map((h, i) => <td data-label={h}>{r.cells[i] ?? ""}</td>)}</tr>
              ))}</tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

/** Every error: its line, the column as the file names it, and why in the interface's language (a list under 600 px). */
function ErrorTable({ errors }: { errors: LineError[] }) {
  return (
    <div class="line-errors">
      <table class="responsive" id="import-errors">
        <thead><tr><th>{t("import.line")}</th><th>{t("import.column")}</th><th>{t("import.error")}</th></tr></thead>
        <tbody>{errors.map((e) => (
          <tr>
            <td data-label={t("import.line")}>{e.line}</td>
            <td data-label={t("import.column")}>{e.column ?? ""}</td>
            <td data-label={t("import.error")}>{errorWords(e)}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}
