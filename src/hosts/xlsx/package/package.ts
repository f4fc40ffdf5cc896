/**
 * An xlsx (or xlsm) package opened from its bytes: the zip's parts, kept as
 * stored, and the few package parts everyone needs, parsed — content types,
 * the workbook (sheets, names), its relationships, its styles. Sheet XML is not
 * parsed here: the reader and the writer each take what they need.
 */
import { strFromU8 } from "fflate";
import { CONTENT_TYPES, parseContentTypes, type ContentTypes } from "./content-types";
import { parseRels, relKind, relsPathOf, resolveTarget, type Relationship } from "./rels";
import { parseStyles, type StylesInfo } from "./styles";
import { parseWorkbook, type WorkbookInfo, type WorkbookSheet } from "./workbook";
import { inflateEntry, readZip, ZipError, type Inflater, type ZipEntry } from "./zip";

export class PackageError extends Error {}

export interface PackageSheet extends WorkbookSheet {
  /** Package path of the sheet's part (`xl/worksheets/sheet1.xml`); "" if the relationship is missing. */
  path: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `xlMacrosheet`… (the relationship kind). */
  kind: string;
}

export interface XlsxPackage {
  /** Every zip entry, in the input's order. */
  entries: ZipEntry[];
  contentTypes: ContentTypes;
  /** `xl/workbook.xml` (wherever the package's officeDocument relationship points). */
  workbookPath: string;
  workbookXml: string;
  workbook: WorkbookInfo;
  /** Relationships of the workbook part. */
  workbookRels: Relationship[];
  /** The workbook's sheets in tab order, with their parts. */
  sheets: PackageSheet[];
  /** `xl/styles.xml` and `xl/sharedStrings.xml`, when the package has them. */
  stylesPath?: string;
  styles?: StylesInfo;
  sharedStringsPath?: string;
  /** An entry by part path (case-insensitive, as OPC part names are). */
  entry(path: string): ZipEntry | undefined;
  /** A part's bytes, inflated. */
  bytes(path: string): Uint8Array | undefined;
  /** A part's text (UTF-8). */
  text(path: string): string | undefined;
  /** The native inflate the package was opened with, if any (else parts are inflated with fflate). */
  inflate?: Inflater;
}

/** Opens the package. Throws PackageError for bytes that are not a readable xlsx package. */
export function openPackage(data: Uint8Array, inflate?: Inflater): XlsxPackage {
  let entries: ZipEntry[];
  try {
    entries = readZip(data);
  } catch (e) {
    throw new PackageError(e instanceof ZipError ? `not a zip file (${e.message})` : String(e));
  }
  return packageOf(entries, inflate);
}

/** The package made of these zip entries (a package we edited in memory, not yet zipped). */
export function packageOf(entries: ZipEntry[], inflate?: Inflater): XlsxPackage {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const entry = (path: string) => byName.get(path.replace(/^\//, "").toLowerCase());
  const bytes = (path: string) => {
    const e = entry(path);
    if (!e) return undefined;
    try {
      return inflateEntry(e, inflate);
    } catch (err) {
      throw new PackageError(`part ${e.name} cannot be read (${err instanceof Error ? err.message : String(err)})`);
    }
  };
  const text = (path: string) => {
    const b = bytes(path);
    return b && strFromU8(b);
  };

  const typesXml = text(CONTENT_TYPES);
  if (typesXml === undefined) throw new PackageError("no [Content_Types].xml: not an Office file");
  const contentTypes = parseContentTypes(typesXml);
  const rootRels = parseRels(text("_rels/.rels") ?? "");
  const office = rootRels.find((r) => relKind(r.type) === "officeDocument" && !r.external);
  const workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const workbookXml = text(workbookPath);
  if (workbookXml === undefined) throw new PackageError("no workbook part: not a spreadsheet");
  const workbook = parseWorkbook(workbookXml);
  const workbookRels = parseRels(text(relsPathOf(workbookPath)) ?? "");
  const target = (kind: string) => {
    const rel = workbookRels.find((r) => relKind(r.type) === kind && !r.external);
    return rel && resolveTarget(workbookPath, rel.target);
  };
  const sheets = workbook.sheets.map((s): PackageSheet => {
    const rel = workbookRels.find((r) => r.id === s.rId);
    return { ...s, path: rel && !rel.external ? resolveTarget(workbookPath, rel.target) : "", kind: rel ? relKind(rel.type) : "" };
  });
  const stylesPath = target("styles");
  const stylesXml = stylesPath && text(stylesPath);
  const sharedStringsPath = target("sharedStrings");
  return {
    entries,
    contentTypes,
    workbookPath,
    workbookXml,
    workbook,
    workbookRels,
    sheets,
    ...(stylesXml ? { stylesPath, styles: parseStyles(stylesXml) } : {}),
    ...(sharedStringsPath && entry(sharedStringsPath) ? { sharedStringsPath } : {}),
    entry,
    bytes,
    text,
    ...(inflate ? { inflate } : {}),
  };
}
