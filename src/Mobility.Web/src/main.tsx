import { render } from "preact";
import { App } from "./App";
import { language } from "./i18n";
import "./style.css";

document.documentElement.lang = language();
render(<App />, document.getElementById("app")!);

if ("serviceWorker" in navigator && location.protocol !== "file:")
  addEventListener("load", () => { navigator.serviceWorker.register("/sw.js", { type: "module" }).catch(() => { /* the app works without it */ }); });
