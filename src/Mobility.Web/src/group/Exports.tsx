import { t } from "../i18n";

/** CSV and .xlsx of one table, with the filters shown; the server names the file after the network and the day. */
export function Exports({ href, table }: { href: (format: string) => string; table: string }) {
  return (
    <div class="exports">
      {(["csv", "xlsx"] as const).map((format) => (
        <a class="button quiet" href={href(format)} download data-format={format}
          aria-label={t("dash.download", { table, format: format === "csv" ? "CSV" : "Excel" })}>{t(format === "csv" ? "dash.csv" : "dash.xlsx")}</a>
      ))}
    </div>
  );
}
