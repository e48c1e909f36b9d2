import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { t, type TextKey } from "../i18n";
import { showError } from "../ui/status";

interface EmployeeRow { id: number; externalId: string; firstName: string | null; lastName: string | null; commune: string | null; role: string; consentToMatching: boolean }
interface Page { items: EmployeeRow[]; pageNumber: number; pageSize: number; total: number; hasNext: boolean }

export function Employees({ companyId, version }: { companyId: number; version: number }) {
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<Page | null>(null);
  useEffect(() => { api<Page>(`/api/companies/${companyId}/employees?page=${page}&pageSize=25`).then(setShown, showError); }, [companyId, page, version]);
  return (
    <section aria-labelledby="employees-title">
      <h2 id="employees-title">{t("employees")}</h2>
      {shown && (
        <>
          <table id="employee-table" class="responsive">
            <thead><tr><th>{t("hrNumber")}</th><th>{t("name")}</th><th>{t("commune")}</th><th>{t("role")}</th><th>{t("consentShort")}</th></tr></thead>
            <tbody>{shown.items.map((e) => (
              <tr>
                <td data-label={t("hrNumber")}>{e.externalId}</td>
                <td data-label={t("name")}>{[e.firstName, e.lastName].filter((n) => n).join(" ")}</td>
                <td data-label={t("commune")}>{e.commune}</td>
                <td data-label={t("role")}>{t(e.role as TextKey)}</td>
                <td data-label={t("consentShort")}>{e.consentToMatching ? t("yes") : t("no")}</td>
              </tr>))}
            </tbody>
          </table>
          <p class="pager">
            <button type="button" disabled={shown.pageNumber <= 1} onClick={() => setPage(page - 1)}>{t("previous")}</button>
            <span>{shown.pageNumber} / {Math.max(1, Math.ceil(shown.total / shown.pageSize))}</span>
            <button type="button" disabled={!shown.hasNext} onClick={() => setPage(page + 1)}>{t("next")}</button>
          </p>
        </>
      )}
    </section>
  );
}
