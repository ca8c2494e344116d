import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PRIORITIES, STATUSES } from "@firetrack/domain";

// A placeholder until the web app issue: it proves the shared vocabulary reaches the browser.
function App() {
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", lineHeight: 1.5 }}>
      <h1>Firetrack</h1>
      <p>Issue and support-ticket tracking on Firebase. The web app is on its way; the API answers under /api/v1.</p>
      <p>
        Statuses: <span data-testid="statuses">{STATUSES.join(", ")}</span>
        <br />
        Priorities: {PRIORITIES.join(", ")}
      </p>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
