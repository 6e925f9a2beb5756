// The fact-checker's page: send the article to /v1/check, draw its claims over the text.
// Spans are asked for in UTF-16 code units, which is what JavaScript strings index.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { report: null, source: "", claims: new Map(), selected: null, finding: null, step: 0 };

function formatFor(name) {
  const lower = name.toLowerCase();
  if (lower.endsWith(".html") || lower.endsWith(".htm")) return "html";
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "markdown";
  return "text";
}

function setupDrop() {
  const area = $("article");
  area.addEventListener("dragover", (e) => { e.preventDefault(); area.classList.add("dragging"); });
  area.addEventListener("dragleave", () => area.classList.remove("dragging"));
  area.addEventListener("drop", async (e) => {
    e.preventDefault();
    area.classList.remove("dragging");
    const file = e.dataTransfer.files[0];
    if (!file) return;
    area.value = await file.text();
    $("format").value = formatFor(file.name);
  });
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

async function check(event) {
  event.preventDefault();
  showError("");
  const text = $("article").value;
  const body = { text, format: $("format").value, offsets: "utf16" };
  if ($("published").value) body.published = $("published").value;
  if ($("title").value.trim()) body.title = $("title").value.trim();
  const headers = { "content-type": "application/json", accept: "application/json" };
  const key = $("apikey").value.trim();
  if (key) headers["x-api-key"] = key;
  const button = $("check");
  button.disabled = true;
  try {
    const response = await fetch("/v1/check", { method: "POST", headers, body: JSON.stringify(body) });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      showError(data && data.detail ? `${data.title}: ${data.detail}` : `The server answered ${response.status}.`);
      return;
    }
    render(data, text);
  } catch (err) {
    showError(`Could not reach the server: ${err.message}`);
  } finally {
    button.disabled = false;
  }
}

// Every boundary of a claim, evidence or source span cuts the text into segments; each
// segment knows which claims and which evidence spans cover it.
function segments(report, source) {
  const cuts = new Set([0, source.length]);
  const add = (s) => { cuts.add(s.start); cuts.add(s.end); };
  report.claims.forEach((c) => { add(c.span); if (c.source) add(c.source.span); });
  report.findings.forEach((f) => f.evidence.forEach(add));
  const points = [...cuts].filter((p) => p >= 0 && p <= source.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    const covering = report.claims
      .filter((c) => c.span.start <= start && end <= c.span.end)
      .sort((a, b) => (a.span.end - a.span.start) - (b.span.end - b.span.start));
    const evidence = [];
    report.findings.forEach((f) => f.evidence.forEach((e, k) => {
      if (e.start <= start && end <= e.end) evidence.push(`${f.id}:${k}`);
    }));
    const sources = report.claims.filter((c) => c.source && c.source.span.start <= start && end <= c.source.span.end);
    out.push({ start, end, covering, evidence, sources: sources.map((c) => c.id) });
  }
  return out;
}

function render(report, source) {
  state.report = report;
  state.source = source;
  state.claims = new Map(report.claims.map((c) => [c.id, c]));
  state.selected = null;
  const s = report.summary;
  $("summary").textContent = `${s.claims} claims: ${s.inconsistent} inconsistent, ${s.consistent} consistent, ` +
    `${s.unchecked} unchecked, ${s.unsourced} unsourced` +
    (report.article.reference_date ? ` (dates read against ${report.article.reference_date})` : "");
  const text = $("text");
  text.replaceChildren();
  for (const seg of segments(report, source)) {
    const piece = source.slice(seg.start, seg.end);
    if (!seg.covering.length && !seg.evidence.length && !seg.sources.length) {
      text.append(piece);
      continue;
    }
    const el = document.createElement("span");
    el.textContent = piece;
    el.dataset.start = seg.start;
    if (seg.evidence.length) el.dataset.evidence = seg.evidence.join(" ");
    if (seg.sources.length) el.dataset.sourceOf = seg.sources.join(" ");
    if (seg.covering.length) {
      const inner = seg.covering[0];
      el.className = `claim v-${inner.verdict}`;
      el.dataset.claims = seg.covering.map((c) => c.id).join(" ");
      el.dataset.claim = inner.id;
      el.title = `${inner.kind}: ${inner.verdict}`;
      el.tabIndex = 0;
    }
    text.append(el);
  }
  $("details").innerHTML = '<p class="hint">Click a highlighted claim.</p>';
  $("results").hidden = false;
}

function segmentsOf(claimId) {
  return [...document.querySelectorAll("#text [data-claims]")]
    .filter((el) => el.dataset.claims.split(" ").includes(claimId));
}

function clearMarks(cls) {
  document.querySelectorAll(`#text .${cls}`).forEach((el) => el.classList.remove(cls));
}

function describeValue(value) {
  return Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)]);
}

function row(table, label, value) {
  const tr = table.insertRow();
  tr.insertCell().textContent = label;
  tr.insertCell().textContent = value;
}

function select(claimId) {
  const claim = state.claims.get(claimId);
  if (!claim) return;
  state.selected = claimId;
  clearMarks("selected");
  segmentsOf(claimId).forEach((el) => el.classList.add("selected"));
  const panel = $("details");
  panel.replaceChildren();
  const h = document.createElement("h2");
  h.className = "claim-title";
  h.textContent = claim.text;
  const badge = document.createElement("span");
  badge.className = `badge v-${claim.verdict}`;
  badge.id = "verdict";
  badge.textContent = claim.verdict;
  panel.append(h, badge);
  const table = document.createElement("table");
  table.id = "value";
  row(table, "kind", claim.kind);
  describeValue(claim.value).forEach(([k, v]) => row(table, k, v));
  if (claim.subject) row(table, "subject", claim.subject);
  if (claim.measure) row(table, "measure", claim.measure);
  row(table, "source", claim.source ? claim.source.name : "none stated");
  if (claim.flags.length) row(table, "flags", claim.flags.join(", "));
  row(table, "rule", claim.rule);
  panel.append(table);
  const outer = (segmentsOf(claimId)[0]?.dataset.claims.split(" ") || []).filter((id) => id !== claimId);
  if (outer.length) {
    const p = document.createElement("p");
    p.append("Inside: ");
    outer.forEach((id) => {
      const a = document.createElement("a");
      a.href = "#";
      a.textContent = state.claims.get(id).kind;
      a.addEventListener("click", (e) => { e.preventDefault(); select(id); });
      p.append(a, " ");
    });
    panel.append(p);
  }
  const findings = state.report.findings.filter((f) => f.claims.includes(claimId));
  if (!findings.length) {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = "No check covers this claim: it is for a person to verify.";
    panel.append(p);
  }
  findings.forEach((f) => panel.append(findingBlock(f)));
  clearMarks("evidence");
  clearMarks("evidence-current");
  if (findings.length) showFinding(findings[0].id, 0);
}

function findingBlock(f) {
  const box = document.createElement("div");
  box.className = "finding";
  box.dataset.finding = f.id;
  const head = document.createElement("div");
  const badge = document.createElement("span");
  badge.className = `badge v-${f.verdict}`;
  badge.textContent = `${f.verdict} · ${f.severity}`;
  head.append(badge, ` ${f.rule}`);
  const message = document.createElement("p");
  message.className = "message";
  message.textContent = f.message;
  box.append(head, message);
  if (f.suggestion) {
    const s = document.createElement("p");
    s.textContent = `Suggestion: ${f.suggestion}`;
    box.append(s);
  }
  const list = document.createElement("ol");
  list.className = "evidence-list";
  f.evidence.forEach((e, k) => {
    const li = document.createElement("li");
    li.dataset.step = k;
    li.textContent = `${e.role ? e.role + ": " : ""}${e.text}`;
    li.addEventListener("click", () => showFinding(f.id, k));
    list.append(li);
  });
  const next = document.createElement("button");
  next.type = "button";
  next.className = "next-evidence";
  next.textContent = "Next evidence ▸";
  next.addEventListener("click", () => showFinding(f.id, (state.finding === f.id ? state.step + 1 : 0) % f.evidence.length));
  box.append(list, next);
  return box;
}

// The finding's evidence spans all light up; the current one is outlined and scrolled to.
function showFinding(findingId, step) {
  state.finding = findingId;
  state.step = step;
  clearMarks("evidence");
  clearMarks("evidence-current");
  document.querySelectorAll("#text [data-evidence]").forEach((el) => {
    const tags = el.dataset.evidence.split(" ");
    if (tags.some((t) => t.startsWith(findingId + ":"))) el.classList.add("evidence");
    if (tags.includes(`${findingId}:${step}`)) el.classList.add("evidence-current");
  });
  document.querySelectorAll(".evidence-list li").forEach((li) => {
    li.classList.toggle("current", li.closest(".finding").dataset.finding === findingId && Number(li.dataset.step) === step);
  });
  const current = document.querySelector("#text .evidence-current");
  if (current) current.scrollIntoView({ block: "nearest" });
}

function download() {
  if (!state.report) return;
  const blob = new Blob([JSON.stringify(state.report, null, 2)], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  const name = state.report.article.id || state.report.article.published || "article";
  a.download = `claims-report-${name}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

document.addEventListener("DOMContentLoaded", () => {
  setupDrop();
  $("form").addEventListener("submit", check);
  $("download").addEventListener("click", download);
  $("text").addEventListener("click", (e) => {
    const el = e.target.closest("[data-claim]");
    if (el) select(el.dataset.claim);
  });
  $("text").addEventListener("keydown", (e) => {
    const el = e.target.closest("[data-claim]");
    if (el && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(el.dataset.claim); }
  });
});
