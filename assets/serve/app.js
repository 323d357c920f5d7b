// The page of `dokgen serve`: lists the project's documents, shows the one
// chosen page by page, and keeps it up to date from the server's event
// stream. A state names each page by a hash, so only the pages that
// changed are fetched. The server draws each in pixels at the size it is
// shown (times the screen's pixels to a CSS pixel), and the page paints it
// on a canvas once it is decoded, off the main thread, so nothing flickers
// and the scroll position stays; a zoom asks for the pages in sight again
// at their new size, so they stay crisp.
// Errors are laid over the last good pages, each place in them a link to
// the editor where one is configured. A click on a word asks the server
// where it was written. A document that is also a web page (the web
// publication's) can be shown as that page instead, in a frame that runs
// nothing, reloaded whenever the page is made anew.
//
// Every text is worded by the server, in the page's language: those that
// name nothing are in the page (`#texts`), those that name a count or a
// document come with each state. They are put in the page as text only,
// never as markup.
"use strict";

const $ = (id) => document.getElementById(id);

// The page's language, and its texts that name nothing.
const LANG = document.documentElement.lang;
const TEXTS = JSON.parse(document.getElementById("texts").textContent);

const view = {
  state: null,
  current: decodeURIComponent(location.hash.slice(1)) || null,
  zoom: null, // CSS pixels per point; null fits the width
  scroll: new Map(),
  source: null,
  draws: [],
  web: false, // whether the web page is shown instead of the pages
};

// What tests and the benchmark read: each time the page finished drawing a
// state, which one and when (milliseconds since 1970, like the server's
// clock).
// `whenDrawn(test)` resolves with the first draw that `test` accepts, now
// or later, without polling (a polling loop keeps the browser from
// sending the page's requests).
const waiting = [];
window.dokgen = {
  draws: view.draws,
  state: () => view.state,
  whenDrawn: (test) =>
    new Promise((resolve) => {
      const found = view.draws.find(test);
      if (found) resolve(found);
      else waiting.push({ test, resolve });
    }),
};

function drew(draw) {
  view.draws.push(draw);
  if (view.draws.length > 2000) view.draws.splice(0, 1000);
  for (let k = waiting.length - 1; k >= 0; k--) {
    if (waiting[k].test(draw)) {
      waiting[k].resolve(draw);
      waiting.splice(k, 1);
    }
  }
}

function now() {
  return performance.timeOrigin + performance.now();
}

function connect() {
  if (view.source) view.source.close();
  const query = new URLSearchParams({ doc: view.current ?? "", lang: LANG });
  const source = new EventSource(`/events?${query}`);
  source.addEventListener("state", (event) => {
    const received = now();
    enqueue({ ...JSON.parse(event.data), received });
  });
  source.onopen = () => connection(TEXTS.live, "");
  source.onerror = () => connection(TEXTS.lost, "lost");
  view.source = source;
}

function connection(text, kind) {
  const el = $("connection");
  el.textContent = text;
  el.className = kind;
}

// States are shown one after the other, each to the end, so that an older
// one never overwrites a newer one.
let showing = Promise.resolve();
function enqueue(state) {
  showing = showing.then(() => show(state)).catch((err) => console.error(err));
}

async function show(state) {
  view.state = state;
  $("project").textContent = state.project ?? "";
  const names = state.documents.map((d) => d.name);
  if (!names.includes(view.current) && names.length > 0) {
    select(names[0], { replace: true });
    return;
  }
  list(state);
  await showDocument(state);
}

function currentDocument() {
  return view.state?.documents.find((d) => d.name === view.current) ?? null;
}

function select(name, { replace = false } = {}) {
  if (view.current) view.scroll.set(view.current, $("stage").scrollTop);
  const changed = name !== view.current;
  view.current = name;
  const url = `#${encodeURIComponent(name)}`;
  if (replace) history.replaceState(null, "", url);
  else if (location.hash !== url) history.pushState(null, "", url);
  if (changed) {
    $("pages").replaceChildren();
    connect();
  }
  if (view.state) {
    list(view.state);
    showDocument(view.state).then(() => {
      $("stage").scrollTop = view.scroll.get(name) ?? 0;
    });
  }
}

function list(state) {
  const items = state.documents.map((doc) => {
    const a = document.createElement("a");
    a.href = `#${encodeURIComponent(doc.name)}`;
    if (doc.name === view.current) a.setAttribute("aria-current", "page");
    const badge = document.createElement("span");
    if (doc.status === "failed") badge.className = "badge failed";
    else if (doc.status === "waiting") badge.className = "badge waiting";
    else if (doc.warnings.length > 0) badge.className = "badge warnings";
    badge.textContent = doc.texts.badge ?? "";
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = doc.name;
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = doc.title;
    a.append(badge, name, title);
    const li = document.createElement("li");
    li.dataset.name = doc.name;
    li.dataset.status = doc.status;
    li.append(a);
    return li;
  });
  $("list").replaceChildren(...items);
}

async function showDocument(state) {
  const doc = currentDocument();
  const errors = [...state.problems, ...(doc?.errors ?? [])];
  $("title").textContent = doc ? doc.title : "";
  $("took").textContent = doc?.texts.took ?? "";
  document.title = doc ? doc.texts.page_title : TEXTS.title;
  const download = $("download");
  const file = doc?.files?.[0];
  if (file) {
    download.href = file.href;
    download.setAttribute("download", file.name);
    download.textContent = file.label;
    download.removeAttribute("aria-disabled");
  } else {
    download.removeAttribute("href");
    download.setAttribute("aria-disabled", "true");
  }
  warnings(doc?.warnings ?? [], doc?.texts.warnings ?? "");
  const web = webView(doc);
  const empty = $("empty");
  empty.hidden = web || !(doc === null || (doc.pages.length === 0 && errors.length === 0));
  empty.textContent = doc === null ? TEXTS.no_documents : TEXTS.making_document;
  const { seen, rest, texts } = pages(doc?.pages ?? []);
  const shown = now();
  const times = await Promise.all(seen);
  const last = (key) => Math.max(shown, ...times.map((t) => t[key] ?? 0));
  overlay(errors, doc, state);
  await painted();
  const draw = {
    version: state.version,
    doc: doc?.name ?? null,
    status: doc?.status ?? null,
    overlay: errors.length > 0,
    changed: seen.length,
    received: state.received,
    // When the state was taken in, the last drawing in sight had come
    // and been decoded, and the pixels were painted.
    shown,
    fetched: last("fetched"),
    decoded: last("decoded"),
    at: now(),
  };
  // The pixels are painted; the text follows before the draw is told, so
  // that whoever hears of it finds the new text.
  retext(texts);
  drew(draw);
  document.body.dataset.version = String(state.version);
  // The pages out of sight follow; the next state need not wait for them.
  if (rest.length > 0) {
    Promise.all(rest)
      .then(painted)
      .then(() => drew({ ...draw, changed: rest.length, offscreen: true, at: now() }));
  }
}

// Shows the web page of `doc` or its pages, as chosen (a document that is
// only a web page, such as an item's page, always as the page); the frame
// loads the page again when it was made anew. Gives whether the web page
// is shown.
function webView(doc) {
  const page = doc?.files?.find((f) => f.format === "html");
  const only = page !== undefined && doc.files.length === 1;
  const shown = page !== undefined && (view.web || only);
  $("views").hidden = page === undefined || only;
  $("view-pages").setAttribute("aria-pressed", String(!shown));
  $("view-web").setAttribute("aria-pressed", String(shown));
  $("pages").hidden = shown;
  const frame = $("web");
  frame.hidden = !shown;
  if (shown) {
    const src = `${page.href}?show=${page.made}`;
    if (frame.getAttribute("src") !== src) frame.setAttribute("src", src);
  }
  return shown;
}

// Resolves once the browser has painted what was just put in the page.
function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// Brings the page elements in line with `list`; gives the replacements of
// drawings under way, those of pages in sight (or nearly) apart from the
// others, which are loaded after them.
function pages(list) {
  const container = $("pages");
  while (container.children.length > list.length) container.lastElementChild.remove();
  const scale = pixelsPerPoint(list);
  // The pixels a page is drawn with per point: sharp on this screen.
  const pixels = scale * (window.devicePixelRatio || 1);
  const swaps = [];
  const texts = [];
  list.forEach((page, i) => {
    let el = container.children[i];
    if (!el) {
      el = document.createElement("div");
      el.className = "page";
      const number = document.createElement("span");
      number.className = "number";
      number.textContent = String(i + 1);
      const text = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      text.setAttribute("class", "text");
      el.append(document.createElement("canvas"), text, number);
      container.append(el);
    }
    el.style.width = `${page.width * scale}px`;
    el.style.height = `${page.height * scale}px`;
    // The text of every page, so that a find in the page finds it on
    // pages not yet drawn: at once for a new page; for a page drawn anew,
    // once its drawing is painted (laying out a page's text costs the
    // browser about as much as painting its pixels).
    const fresh = !el.dataset.id;
    if (el.dataset.id !== page.id) {
      el.dataset.id = page.id;
      if (fresh) putText({ el, page });
      else texts.push({ el, page });
    }
    const want = `${page.id}@${pixels.toFixed(4)}`;
    if (el.dataset.want !== want) {
      el.dataset.want = want;
      swaps.push({ el, page, want, pixels });
    }
  });
  const stage = $("stage").getBoundingClientRect();
  const inSight = ({ el }) => {
    const r = el.getBoundingClientRect();
    return r.bottom > stage.top - 200 && r.top < stage.bottom + 200;
  };
  const seen = swaps.filter(inSight).map(swap);
  const later = swaps.filter((s) => !inSight(s));
  // Started once those in sight are painted, so as not to compete with them.
  const rest = later.map((s) => Promise.all(seen).then(() => swap(s)));
  return { seen, rest, texts };
}

// Puts the text of `page` in `el`.
function putText({ el, page }) {
  el.querySelector(".text").replaceWith(textLayer(page.runs ?? [], page));
}

// Puts the text of each of `texts` in place, where its page still shows
// the drawing the text is of.
function retext(texts) {
  for (const text of texts) {
    if (text.el.isConnected && text.el.dataset.id === text.page.id) putText(text);
  }
}

// Puts the drawing of `page`, `pixels` to a point, in place of the one in
// `el`, once it is decoded (its text follows, see `retext`); gives when
// its pixels came and when they were decoded.
async function swap({ el, page, want, pixels }) {
  let bitmap;
  const times = {};
  try {
    const reply = await fetch(`/page/${page.id}.png?scale=${pixels.toFixed(4)}`);
    if (!reply.ok) return times;
    const blob = await reply.blob();
    times.fetched = now();
    bitmap = await createImageBitmap(blob);
    times.decoded = now();
  } catch {
    return times;
  }
  // A drawing replaced again before it came: the next state brings it.
  if (!el.isConnected || el.dataset.want !== want) {
    bitmap.close();
    return times;
  }
  // Drawn over the page's canvas (every pixel of a page is opaque): the
  // page's elements stay as they are, and only its pixels change.
  const canvas = el.querySelector("canvas");
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", page.alt);
  canvas.getContext("2d").drawImage(bitmap, 0, 0);
  bitmap.close();
  el.dataset.drawn = want;
  return times;
}

// The page's text, invisible over its drawing, each run where it is drawn
// and stretched to the width it is drawn at: to select, copy and find with
// the browser's search.
function textLayer(runs, page) {
  const ns = "http://www.w3.org/2000/svg";
  const layer = document.createElementNS(ns, "svg");
  layer.setAttribute("class", "text");
  layer.setAttribute("viewBox", `0 0 ${page.width} ${page.height}`);
  layer.setAttribute("preserveAspectRatio", "none");
  for (const [text, x, y, size, width] of runs) {
    const run = document.createElementNS(ns, "text");
    run.textContent = text;
    run.setAttribute("x", x);
    run.setAttribute("y", y);
    run.setAttribute("font-size", size);
    if (width > 0) {
      run.setAttribute("textLength", width);
      run.setAttribute("lengthAdjust", "spacingAndGlyphs");
    }
    layer.append(run);
  }
  return layer;
}

function pixelsPerPoint(list) {
  if (view.zoom !== null) return view.zoom;
  const widest = Math.max(...list.map((p) => p.width), 1);
  const room = $("stage").clientWidth - 44 - 60;
  return Math.max(0.4, Math.min(room / widest, 2.2));
}

function rezoom(zoom) {
  view.zoom = zoom;
  const doc = currentDocument();
  if (doc) pages(doc.pages);
}

function warnings(list, summary) {
  const box = $("warnings");
  box.hidden = list.length === 0;
  box.querySelector("summary").textContent = summary;
  $("warning-list").replaceChildren(...list.map(diagnostic));
}

function overlay(errors, doc, state) {
  const box = $("overlay");
  box.hidden = errors.length === 0;
  $("pages").classList.toggle("stale", errors.length > 0);
  if (errors.length === 0) return;
  $("overlay-title").textContent = (doc ? doc.texts.failed : state.problems_title) ?? "";
  $("overlay-note").textContent = doc?.pages.length > 0 ? TEXTS.note_stale : TEXTS.note_first;
  $("errors").replaceChildren(...errors.map(diagnostic));
}

// A diagnostic as the command line prints it, with each of its places a
// link (or selectable text when no editor is configured).
function diagnostic(d) {
  const pre = document.createElement("pre");
  pre.className = `diagnostic ${d.severity}`;
  let text = d.text;
  const places = [...d.places];
  while (text.length > 0) {
    let first = null;
    for (const place of places) {
      const at = text.indexOf(place.text);
      if (at >= 0 && (first === null || at < first.at)) first = { at, place };
    }
    if (first === null) {
      pre.append(text);
      break;
    }
    pre.append(text.slice(0, first.at), placeLink(first.place));
    text = text.slice(first.at + first.place.text.length);
  }
  return pre;
}

function placeLink(place) {
  const editor = view.state?.editor;
  if (place.href) {
    const a = document.createElement("a");
    a.href = place.href;
    a.textContent = place.text;
    a.title = TEXTS.open_in_editor;
    return a;
  }
  if (editor === "command") {
    const a = document.createElement("a");
    a.href = "#";
    a.textContent = place.text;
    a.title = TEXTS.open_in_editor;
    a.addEventListener("click", (event) => {
      event.preventDefault();
      openInEditor(place);
    });
    return a;
  }
  const span = document.createElement("span");
  span.className = "place";
  span.textContent = place.text;
  return span;
}

function openInEditor(place) {
  fetch("/open", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ file: place.file, line: place.line, column: place.column }),
  });
}

// Where the clicked word came from.
async function origin(event) {
  const el = event.target.closest(".page");
  const doc = currentDocument();
  if (!el || !doc || !window.getSelection().isCollapsed) return;
  const i = [...$("pages").children].indexOf(el);
  const page = doc.pages[i];
  if (!page) return;
  const rect = el.getBoundingClientRect();
  const x = ((event.clientX - rect.left) / rect.width) * page.width;
  const y = ((event.clientY - rect.top) / rect.height) * page.height;
  const query = new URLSearchParams({
    doc: doc.name,
    page: i,
    x: x.toFixed(2),
    y: y.toFixed(2),
    lang: LANG,
  });
  const answer = await (await fetch(`/origin?${query}`)).json();
  showOrigin(answer, event.clientX, event.clientY);
}

function showOrigin(answer, x, y) {
  const box = $("origin");
  const parts = [];
  if (!answer.found) {
    const p = document.createElement("p");
    p.textContent = answer.label;
    parts.push(p);
  } else {
    const kind = document.createElement("div");
    kind.className = "kind";
    kind.textContent = answer.label;
    const where = document.createElement("div");
    where.className = "where";
    where.append(placeLink(answer.at));
    parts.push(kind, where);
    if (answer.at.snippet) {
      const code = document.createElement("code");
      code.textContent = answer.at.snippet.trim();
      parts.push(code);
    }
    if (answer.printed_by) {
      const by = document.createElement("div");
      by.className = "kind";
      by.append(`${TEXTS.printed_by} `, placeLink(answer.printed_by));
      parts.push(by);
    }
  }
  box.replaceChildren(...parts);
  box.hidden = false;
  const left = Math.min(x + 12, window.innerWidth - box.offsetWidth - 12);
  const top = Math.min(y + 12, window.innerHeight - box.offsetHeight - 12);
  box.style.left = `${Math.max(8, left)}px`;
  box.style.top = `${Math.max(8, top)}px`;
}

function hideOrigin(event) {
  if (event && $("origin").contains(event.target)) return;
  $("origin").hidden = true;
}

function fit() {
  const doc = currentDocument();
  return pixelsPerPoint.call(null, doc?.pages ?? []);
}

document.addEventListener("DOMContentLoaded", () => {
  $("pages").addEventListener("click", (event) => {
    event.stopPropagation();
    origin(event);
  });
  document.addEventListener("click", hideOrigin);
  $("zoom-in").addEventListener("click", () => rezoom((view.zoom ?? fit()) * 1.25));
  $("zoom-out").addEventListener("click", () => rezoom((view.zoom ?? fit()) / 1.25));
  $("zoom-fit").addEventListener("click", () => rezoom(null));
  const choose = (web) => {
    view.web = web;
    if (view.state) showDocument(view.state);
  };
  $("view-pages").addEventListener("click", () => choose(false));
  $("view-web").addEventListener("click", () => choose(true));
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, textarea")) return;
    if (event.key === "Escape") hideOrigin();
    else if (event.key === "+") rezoom((view.zoom ?? fit()) * 1.25);
    else if (event.key === "-") rezoom((view.zoom ?? fit()) / 1.25);
    else if (event.key === "0") rezoom(null);
  });
  window.addEventListener("hashchange", () => {
    const name = decodeURIComponent(location.hash.slice(1));
    if (name && name !== view.current) select(name);
  });
  window.addEventListener("resize", () => {
    if (view.zoom === null) rezoom(null);
  });
  connect();
});
