// Invitations to accounts: the employees chosen in the list, or everyone without an account; the outcome is said per person.
import { useState } from "preact/hooks";
import { api } from "../http";
import { t, type TextKey } from "../i18n";
import { showError } from "../ui/status";
import { fullName } from "./people";

interface PersonInvited { employeeId: number; externalId: string | null; firstName: string | null; lastName: string | null; outcome: string }
interface Round { people: PersonInvited[]; remaining: number }
const mailed = new Set(["Sent", "Resent"]);

export function Invitations({ companyId, selected, onInvited }: { companyId: number; selected: number[]; onInvited: () => void }) {
  const [round, setRound] = useState<Round | null>(null);
  const [busy, setBusy] = useState(false);
  const invite = async (request: { employeeIds: number[] } | { allWithoutAccount: true }) => {
    setBusy(true);
    try {
      setRound(await api<Round>(`/api/companies/${companyId}/invitations`, { json: request }));
      onInvited();
    } catch (error) { showError(error); } finally { setBusy(false); }
  };
  return (
    <div class="invitations">
      <p class="actions">
        <button type="button" id="invite-selected" disabled={busy || selected.length === 0} onClick={() => invite({ employeeIds: selected })}>
          {t("hr.inviteSelected")}{selected.length > 0 && ` (${selected.length})`}</button>
        <button type="button" id="invite-all" disabled={busy} onClick={() => invite({ allWithoutAccount: true })}>{t("hr.inviteAll")}</button>
      </p>
      {round && (
        <div class="card" role="status" id="invitation-outcome">
          <p>{t("hr.inviteResult", { sent: round.people.filter((p) => mailed.has(p.outcome)).length, total: round.people.length })}
            {round.remaining > 0 && ` ${t("hr.inviteRemaining", { remaining: round.remaining })}`}</p>
          <ul class="outcomes">{round.people.map((p) => (
            <li class={mailed.has(p.outcome) ? "" : "warn"}>
              <span>{p.externalId ? fullName({ firstName: p.firstName, lastName: p.lastName, externalId: p.externalId }) : `#${p.employeeId}`}</span>
              <span>{t(`invite.${p.outcome}` as TextKey)}</span>
            </li>))}
          </ul>
          <button type="button" class="quiet" onClick={() => setRound(null)}>{t("close")}</button>
        </div>
      )}
    </div>
  );
}
