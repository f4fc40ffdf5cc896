/**
 * A plan ADDED to the user's package: every part of the input is copied as it
 * was stored (same compressed bytes), except the four we must edit —
 * workbook.xml (sheets, names, calcPr), its relationships, [Content_Types].xml
 * and styles.xml (ours appended, the user's indices untouched). Replacing our
 * earlier sheets removes only their parts and what only they used. Charts,
 * images, pivots, macros, external links and the user's sheet XML come through
 * byte for byte, and no source value goes through a JavaScript Date.
 */
import { text } from "../../../core/model";
import { cellAddress, quoteSheetName, rangeAddress } from "../../../core/plan/a1";
import { parseAddress } from "../../../core/plan/address";
import { MARKER_PREFIX } from "../../../core/plan/naming";
import type { SheetPlan, WorkbookPlan } from "../../../core/plan/types";
import { cancelledError, HostError } from "../../errors";
import type { ApplyOptions } from "../../host";
import { appendChildren, insertionPoint, setAttr, type Edit } from "./append";
import { CONTENT_TYPES } from "./content-types";
import { fflateDeflater, PartWriter, textEntry, type DeflaterFactory } from "./deflate";
import type { XlsxPackage } from "./package";
import { parseRels, relKind, relsPathOf, resolveTarget } from "./rels";
import { sheetXml, type NonFinite } from "./sheet-xml";
import { appendSheetXml, type AppendOutcome } from "./sheet-append";
import { EMPTY_STYLES, StyleRegistry } from "./style-registry";
import { appendStyles } from "./styles-edit";
import { parseStyles } from "./styles";
import { decodeXml, elementEnd, escapeAttr, escapeText, firstTag, splice, tags } from "./xml";
import { writeZip, type ZipEntry } from "./zip";

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface WriteOptions extends ApplyOptions {
  /** zlib's deflate in Node (faster); fflate otherwise. */
  deflater?: DeflaterFactory;
  /** Show `plan.activate` on open: for packages we made (a CSV). A user's file opens where it did (see README). */
  activate?: boolean;
}

export interface WriteResult {
  bytes: Uint8Array;
  /** Cells that held NaN or ±Infinity: written as `#NUM!`, never as a number. */
  nonFinite: NonFinite[];
}

/** A sheet's own names a run that appends to it redoes (lower case). */
const GROWN = new Set(["_xlnm._filterdatabase", "_xlnm.print_area"]);

// CT_Workbook's child order after <sheets>.
const AFTER_SHEETS = ["functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
const after = (name: string) => AFTER_SHEETS.slice(AFTER_SHEETS.indexOf(name) + 1);

/** The plan added to the package, zipped: the output file's bytes. */
export async function writePlan(pkg: XlsxPackage, plan: WorkbookPlan, options: WriteOptions = {}): Promise<WriteResult> {
  const { entries, nonFinite } = await addPlan(pkg, plan, options);
  return { bytes: writeZip(entries), nonFinite };
}

/** The plan added to the package: the new package's zip entries (the user's as stored), not yet zipped. */
export async function addPlan(pkg: XlsxPackage, plan: WorkbookPlan, options: WriteOptions = {}): Promise<{ entries: ZipEntry[]; nonFinite: NonFinite[] }> {
  const { signal, onProgress } = options;
  const factory = options.deflater ?? fflateDeflater;
  if (signal?.aborted) throw cancelledError();
  const key = (s: string) => s.toLowerCase();

  // Which of the package's sheets go (our earlier ones being replaced), and where ours land in tab order.
  const removed = new Set<number>();
  const replaceAt = new Map<number, number>(); // old index → plan sheet
  const appendTo = new Map<number, number>(); // plan sheet → old index it appends to
  plan.sheets.forEach((s, i) => {
    if (s.action.kind === "append") {
      const existing = key(s.action.existing);
      const at = pkg.sheets.findIndex((p) => key(p.name) === existing && p.kind === "worksheet" && p.path);
      if (at < 0) throw new HostError(text(`找不到工作表“${s.action.existing}”`, `There is no sheet named "${s.action.existing}"`), "no-sheet");
      appendTo.set(i, at);
      return;
    }
    if (s.action.kind !== "replace") return;
    const existing = key(s.action.existing);
    const at = pkg.sheets.findIndex((p, j) => key(p.name) === existing && !removed.has(j));
    if (at < 0) return; // gone since the plan was made: created instead
    removed.add(at);
    replaceAt.set(at, i);
  });
  for (const [i, s] of plan.sheets.entries()) {
    if (!appendTo.has(i) && pkg.sheets.some((p, j) => !removed.has(j) && key(p.name) === key(s.name))) {
      throw new HostError(text(`工作簿中已有名为“${s.name}”的工作表`, `The workbook already has a sheet named "${s.name}"`), "already-exists");
    }
  }
  /** New tab order: kept sheets as `{ old }`, ours as `{ plan }`. */
  const order: ({ old: number } | { plan: number })[] = [];
  const placed = new Set<number>();
  const appendedAt = new Map([...appendTo].map(([i, j]) => [j, i]));
  pkg.sheets.forEach((_, j) => {
    const p = replaceAt.get(j) ?? appendedAt.get(j);
    if (p !== undefined) {
      order.push({ plan: p });
      placed.add(p);
    } else if (!removed.has(j)) order.push({ old: j });
  });
  plan.sheets.forEach((_, i) => placed.has(i) || order.push({ plan: i }));
  const newIndexOfOld = new Map<number, number>();
  const newIndexOfPlan = new Map<number, number>();
  order.forEach((o, n) => ("old" in o ? newIndexOfOld.set(o.old, n) : newIndexOfPlan.set(o.plan, n)));
  // A sheet appended to is the user's as well as ours: its own names follow it.
  for (const [i, j] of appendTo) newIndexOfOld.set(j, newIndexOfPlan.get(i)!);

  // Parts, relationship ids and sheet ids for our sheets, colliding with nothing of the user's.
  const wbDir = pkg.workbookPath.slice(0, pkg.workbookPath.lastIndexOf("/") + 1);
  const taken = new Set(pkg.entries.map((e) => key(e.name)));
  const rIds = new Set(pkg.workbookRels.map((r) => r.id));
  let sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  let n = 1;
  let r = 1;
  const ours = plan.sheets.map((_, i) => {
    const kept = appendTo.get(i);
    if (kept !== undefined) return { path: pkg.sheets[kept].path, rId: pkg.sheets[kept].rId, sheetId: pkg.sheets[kept].sheetId };
    while (taken.has(key(`${wbDir}worksheets/sheet${n}.xml`))) n++;
    const path = `${wbDir}worksheets/sheet${n}.xml`;
    taken.add(key(path));
    while (rIds.has(`rId${r}`)) r++;
    const rId = `rId${r}`;
    rIds.add(rId);
    return { path, rId, sheetId: ++sheetId };
  });

  // The sheets, streamed into compressed parts.
  const styles = new StyleRegistry(pkg.styles ?? parseStyles(EMPTY_STYLES));
  const nonFinite: NonFinite[] = [];
  const activeIndex = options.activate ? newIndexOfPlan.get(plan.sheets.findIndex((s) => s.name === plan.activate)) : undefined;
  const total = plan.sheets.reduce((t, s) => t + rowsOf(s), 0);
  let done = 0;
  const created: ZipEntry[] = [];
  // Parts we rewrite in place (a sheet appended to, its tables), by path.
  const edited = new Map<string, ZipEntry>();
  const appended = new Map<number, AppendOutcome>();
  const makeEntry = (name: string, xml: string) => textEntry(name, xml, factory);
  for (const [i, sheet] of plan.sheets.entries()) {
    const kept = appendTo.get(i);
    const part = new PartWriter(kept === undefined ? ours[i].path : pkg.entry(ours[i].path)!.name, factory);
    const ctx = { plan, styles, nonFinite };
    const sink = (xml: string) => part.write(xml);
    const rowsOut = kept === undefined ? sheetXml(sheet, ctx, sink, newIndexOfPlan.get(i) === activeIndex) : appendSheetXml(pkg, ours[i].path, sheet, ctx, sink, makeEntry);
    for (let step = rowsOut.next(); ; step = rowsOut.next()) {
      if (step.done) {
        if (step.value) appended.set(i, step.value);
        break;
      }
      done += step.value;
      onProgress?.({ done: Math.min(done, total), total });
      // Let the page repaint and a cancel click arrive.
      if (onProgress || signal) await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) throw cancelledError();
    }
    if (kept === undefined) created.push(part.entry());
    else {
      edited.set(key(ours[i].path), part.entry());
      for (const t of appended.get(i)?.tables ?? []) edited.set(key(t.name), t);
    }
  }

  // Parts that go with the replaced sheets: theirs, their rels, what only they used; and the calc chain, which names their cells.
  const gone = partsOnlyUsedBy(pkg, [...removed].map((j) => pkg.sheets[j].path).filter(Boolean));
  const calcChain = pkg.workbookRels.find((rel) => relKind(rel.type) === "calcChain");
  const removedRelIds = new Set([...removed].map((j) => pkg.sheets[j].rId));
  // Rows moved up in a sheet appended to: the chain names cells that moved.
  const moved = [...appendTo.keys()].some((i) => { const a = plan.sheets[i].action; return a.kind === "append" && a.drop.length > 0; });
  if ((removed.size || moved) && calcChain) {
    gone.add(key(resolveTarget(pkg.workbookPath, calcChain.target)));
    removedRelIds.add(calcChain.id);
  }

  // The four parts we edit.
  const relType = relTypeBase(pkg);
  let stylesPath = pkg.stylesPath;
  let stylesRel: { id: string; target: string } | undefined;
  if (!stylesPath) {
    stylesPath = `${wbDir}styles.xml`;
    let s = 1;
    while (rIds.has(`rId${s}`)) s++;
    stylesRel = { id: `rId${s}`, target: "styles.xml" };
  }
  const stylesXml = appendStyles(pkg.stylesPath ? pkg.text(pkg.stylesPath)! : EMPTY_STYLES, pkg.styles ?? parseStyles(EMPTY_STYLES), styles);
  edited.set(key(stylesPath), textEntry(pkg.entry(stylesPath)?.name ?? stylesPath, stylesXml, factory));

  edited.set(key(pkg.workbookPath), textEntry(pkg.entry(pkg.workbookPath)!.name, workbookXml(pkg, plan, { removed, replaceAt, appendTo, appended, newIndexOfOld, newIndexOfPlan, order, ours, activeIndex }), factory));

  const relsPath = relsPathOf(pkg.workbookPath);
  const relsXml = pkg.text(relsPath) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const fresh = ours.filter((_, i) => !appendTo.has(i));
  const newRels = [
    ...fresh.map((o) => `<Relationship Id="${o.rId}" Type="${relType}worksheet" Target="${escapeAttr(o.path.slice(wbDir.length))}"/>`),
    ...(stylesRel ? [`<Relationship Id="${stylesRel.id}" Type="${relType}styles" Target="${stylesRel.target}"/>`] : []),
  ];
  edited.set(key(relsPath), textEntry(pkg.entry(relsPath)?.name ?? relsPath, editRels(relsXml, removedRelIds, newRels), factory));

  const typesXml = pkg.text(CONTENT_TYPES)!;
  const newTypes = [...fresh.map((o) => `/${o.path}`), ...(stylesRel ? [`/${stylesPath}`] : [])].map(
    (p) => `<Override PartName="${escapeAttr(p)}" ContentType="${p.endsWith("styles.xml") && stylesRel ? STYLES_TYPE : WORKSHEET_TYPE}"/>`,
  );
  edited.set(key(CONTENT_TYPES), textEntry(pkg.entry(CONTENT_TYPES)!.name, editContentTypes(typesXml, gone, newTypes), factory));

  // Input order, edited parts in their places, removed ones left out, ours at the end.
  const entries: ZipEntry[] = [];
  for (const e of pkg.entries) {
    const k = key(e.name);
    if (gone.has(k)) continue;
    entries.push(edited.get(k) ?? e);
    edited.delete(k);
  }
  entries.push(...edited.values(), ...created);
  if (signal?.aborted) throw cancelledError();
  return { entries, nonFinite };
}

function rowsOf(sheet: SheetPlan): number {
  const last = Math.max(0, ...sheet.blocks.map((b) => b.at.row + b.cells.length), ...(sheet.tables ?? []).map((t) => t.at.row + t.rows));
  // sheetXml yields rows written: progress counts rows too.
  return Math.max(1, last);
}

/** `http://…/relationships/` as the input uses it (transitional or strict). */
function relTypeBase(pkg: XlsxPackage): string {
  const ws = pkg.workbookRels.find((r) => relKind(r.type) === "worksheet");
  return ws ? ws.type.slice(0, ws.type.lastIndexOf("/") + 1) : `${REL_NS}/`;
}

/** Parts reachable from the removed sheets and from nothing else (following every internal relationship). */
function partsOnlyUsedBy(pkg: XlsxPackage, removedSheets: string[]): Set<string> {
  const key = (s: string) => s.toLowerCase();
  if (!removedSheets.length) return new Set();
  const relsCache = new Map<string, string[]>();
  const targets = (part: string) => {
    let t = relsCache.get(part);
    if (!t) {
      const xml = pkg.text(relsPathOf(part));
      t = xml ? parseRels(xml).filter((r) => !r.external).map((r) => key(resolveTarget(part, r.target))) : [];
      relsCache.set(part, t);
    }
    return t;
  };
  const walk = (roots: string[], skip: Set<string>) => {
    const seen = new Set<string>();
    const stack = roots.filter((p) => !skip.has(p));
    while (stack.length) {
      const p = stack.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      for (const t of targets(p)) if (!skip.has(t) && !seen.has(t)) stack.push(t);
    }
    return seen;
  };
  const removed = new Set(removedSheets.map(key));
  const rootTargets = parseRels(pkg.text("_rels/.rels") ?? "").filter((r) => !r.external).map((r) => key(resolveTarget("", r.target)));
  const kept = walk(rootTargets, removed);
  const theirs = walk([...removed], new Set());
  const gone = new Set<string>();
  for (const p of theirs) {
    if (kept.has(p)) continue;
    gone.add(p);
    const rels = key(relsPathOf(p));
    if (pkg.entry(rels)) gone.add(rels);
  }
  return gone;
}

function editRels(xml: string, removeIds: Set<string>, add: string[]): string {
  const edits: Edit[] = [];
  for (const t of tags(xml, "Relationship")) if (removeIds.has(t.attrs.get("Id") ?? "")) edits.push({ at: t.start, remove: elementEnd(xml, t, "Relationship") - t.start });
  const root = firstTag(xml, "Relationships")!;
  edits.push({ at: root.selfClosing ? root.end : xml.indexOf(`</${root.prefix}Relationships`, root.end), insert: add.join("") });
  let out = splice(xml, edits);
  if (root.selfClosing) out = out.replace(/<((?:\w+:)?Relationships\b[^>]*?)\s*\/>/, "<$1>") + `</${root.prefix}Relationships>`;
  return out;
}

function editContentTypes(xml: string, gone: Set<string>, add: string[]): string {
  const edits: Edit[] = [];
  for (const t of tags(xml, "Override")) {
    const part = (t.attrs.get("PartName") ?? "").replace(/^\//, "").toLowerCase();
    if (gone.has(part)) edits.push({ at: t.start, remove: elementEnd(xml, t, "Override") - t.start });
  }
  const root = firstTag(xml, "Types")!;
  edits.push({ at: xml.indexOf(`</${root.prefix}Types`, root.end), insert: add.join("") });
  return splice(xml, edits);
}

interface Layout {
  removed: Set<number>;
  /** Old tab index → the plan sheet taking its place. */
  replaceAt: Map<number, number>;
  /** Plan sheet → the old tab index it appends to (its `<sheet>` stays as it is). */
  appendTo: Map<number, number>;
  appended: Map<number, AppendOutcome>;
  newIndexOfOld: Map<number, number>;
  newIndexOfPlan: Map<number, number>;
  order: ({ old: number } | { plan: number })[];
  ours: { path: string; rId: string; sheetId: number }[];
  activeIndex: number | undefined;
}

/** workbook.xml with our sheets in place, the replaced ones gone, names redone, and a full recalculation on open. */
function workbookXml(pkg: XlsxPackage, plan: WorkbookPlan, layout: Layout): string {
  const xml = pkg.workbookXml;
  const edits: Edit[] = [];
  const root = firstTag(xml, "workbook")!;
  const p = root.prefix;

  // Sheets: ours replace the removed <sheet> elements in place, new ones go at the end.
  const sheetTags = tags(xml, "sheet");
  const sheetXmlOf = (i: number) => {
    const s = plan.sheets[i];
    const o = layout.ours[i];
    const state = s.visibility && s.visibility !== "visible" ? ` state="${s.visibility}"` : "";
    return `<${p}sheet xmlns:r="${REL_NS}" name="${escapeAttr(s.name)}" sheetId="${o.sheetId}"${state} r:id="${o.rId}"/>`;
  };
  const replacing = new Set([...layout.replaceAt.values(), ...layout.appendTo.keys()]);
  const appended = plan.sheets.map((_, i) => i).filter((i) => !replacing.has(i)).map(sheetXmlOf);
  for (const [j, t] of sheetTags.entries()) {
    const planIndex = layout.replaceAt.get(j);
    if (planIndex !== undefined) edits.push({ at: t.start, remove: elementEnd(xml, t, "sheet") - t.start, insert: sheetXmlOf(planIndex) });
  }
  const sheets = firstTag(xml, "sheets")!;
  if (appended.length) {
    if (sheets.selfClosing) edits.push({ at: sheets.start, remove: sheets.end - sheets.start, insert: `<${p}sheets>${appended.join("")}</${p}sheets>` });
    else edits.push({ at: xml.indexOf(`</${sheets.prefix}sheets`, sheets.end), insert: appended.join("") });
  }

  // Names: ours are redone every run; the user's stay, their sheet indices following the new tab order.
  const appendedOld = new Map([...layout.appendTo].map(([i, j]) => [j, i]));
  const printAreas = new Map<number, string>();
  const ourNames = new Set([...plan.sheets.map((s) => s.marker.name), ...(plan.names ?? []).map((nm) => nm.name)].map((s) => s.toLowerCase()));
  for (const t of tags(xml, "definedName")) {
    const name = (t.attrs.get("name") ?? "").toLowerCase();
    const local = t.attrs.get("localSheetId");
    const end = elementEnd(xml, t, "definedName");
    if (local === undefined) {
      const body = xml.slice(t.end, end);
      const pointsIntoRemoved = name.startsWith(MARKER_PREFIX.toLowerCase()) && [...layout.removed].some((j) => body.includes(escapeText(quoteSheetName(pkg.sheets[j].name)) + "!"));
      if (ourNames.has(name) || pointsIntoRemoved) edits.push({ at: t.start, remove: end - t.start });
      continue;
    }
    const old = Number(local);
    const appendedTo = appendedOld.get(old);
    if (appendedTo !== undefined && GROWN.has(name)) {
      // A sheet appended to: its filter and print area are redone below, grown over the new rows.
      if (name === "_xlnm.print_area") printAreas.set(appendedTo, decodeXml(xml.slice(t.end, xml.lastIndexOf("</", end - 1))));
      edits.push({ at: t.start, remove: end - t.start });
    } else if (layout.removed.has(old)) edits.push({ at: t.start, remove: end - t.start });
    else if (layout.newIndexOfOld.get(old) !== old && layout.newIndexOfOld.has(old)) {
      edits.push({ at: t.start, remove: t.end - t.start, insert: setAttr(xml.slice(t.start, t.end), "localSheetId", String(layout.newIndexOfOld.get(old))) });
    }
  }
  const names: string[] = [];
  const name = (n: string, ref: string, extra = "") => names.push(`<definedName name="${escapeAttr(n)}"${extra}>${escapeText(ref)}</definedName>`);
  plan.sheets.forEach((s, i) => {
    const q = quoteSheetName(s.name);
    const local = ` localSheetId="${layout.newIndexOfPlan.get(i)}"`;
    name(s.marker.name, `${q}!${cellAddress(s.marker.cell.row, s.marker.cell.col, true)}`);
    if (layout.appendTo.has(i)) {
      // The user's sheet: its own filter grown (none added), its print area grown if it has one, its print titles kept.
      const filter = layout.appended.get(i)?.autoFilter;
      if (filter) name("_xlnm._FilterDatabase", `${q}!${rangeAddress(filter, true)}`, `${local} hidden="1"`);
      const area = parseAddress(printAreas.get(i) ?? "");
      if (area.length === 1 && s.print?.area) {
        const r = area[0].range;
        const bottom = Math.max(r.row + r.rows, s.print.area.row + s.print.area.rows);
        name("_xlnm.Print_Area", `${q}!${rangeAddress({ ...r, rows: bottom - r.row }, true)}`, local);
      } else if (printAreas.has(i)) name("_xlnm.Print_Area", printAreas.get(i)!, local);
      return;
    }
    if (s.autoFilter) name("_xlnm._FilterDatabase", `${q}!${rangeAddress(s.autoFilter, true)}`, `${local} hidden="1"`);
    if (s.print?.area) name("_xlnm.Print_Area", `${q}!${rangeAddress(s.print.area, true)}`, local);
    if (s.print?.repeatRows) name("_xlnm.Print_Titles", `${q}!$${s.print.repeatRows.first + 1}:$${s.print.repeatRows.last + 1}`, local);
  });
  for (const nm of plan.names ?? []) name(nm.name, nm.ref, nm.comment ? ` comment="${escapeAttr(nm.comment)}"` : "");
  edits.push(...appendChildren(xml, "workbook", "definedNames", names, 0, after("definedNames")).map(noCount));

  // Formulas carry no cached values: ask every application to compute them on open.
  const calc = firstTag(xml, "calcPr");
  if (calc) edits.push({ at: calc.start, remove: calc.end - calc.start, insert: setAttr(xml.slice(calc.start, calc.end), "fullCalcOnLoad", "1") });
  else edits.push({ at: insertionPoint(xml, root, "workbook", after("calcPr")), insert: `<${p}calcPr fullCalcOnLoad="1"/>` });

  // The tab shown on open.
  const view = firstTag(xml, "workbookView");
  const active = layout.activeIndex ?? layout.newIndexOfOld.get(pkg.workbook.activeTab);
  if (view && active !== undefined && active !== pkg.workbook.activeTab) {
    edits.push({ at: view.start, remove: view.end - view.start, insert: setAttr(xml.slice(view.start, view.end), "activeTab", String(active)) });
  } else if (!view && layout.activeIndex) {
    edits.push({ at: insertionPoint(xml, root, "workbook", ["sheets", ...AFTER_SHEETS]), insert: `<${p}bookViews><${p}workbookView activeTab="${layout.activeIndex}"/></${p}bookViews>` });
  }
  return splice(xml, mergeAt(edits));
}

/** definedNames has no count attribute. */
function noCount(e: Edit): Edit {
  return e.insert ? { ...e, insert: e.insert.replace(/^(<(?:\w+:)?definedNames) count="\d+"/, "$1") } : e;
}

/** Edits at the same offset keep their order; splice wants them sorted and stable. */
function mergeAt(edits: Edit[]): Edit[] {
  return edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map((x) => x.e);
}
