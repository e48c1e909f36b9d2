// A page of its own for the diagnostic's components (/diagnostic.html?network=ID), signed in through the app: the
// browser test renders them here until the dashboard shows them, and a working group can open it directly.
import { render } from "preact";
import { language } from "../i18n";
import { StatusBar } from "../ui/status";
import { DiagnosticReport } from "./DiagnosticReport";
import { Potential } from "./Potential";
import "../style.css";

const networkId = Number(new URLSearchParams(location.search).get("network"));
const date = new URLSearchParams(location.search).get("date") ?? undefined;
document.documentElement.lang = language();
render(
  <main class="working-group">
    <StatusBar />
    <DiagnosticReport networkId={networkId} filter={{ date }} />
    <Potential networkId={networkId} filter={{ date }} />
  </main>,
  document.getElementById("app")!,
);
