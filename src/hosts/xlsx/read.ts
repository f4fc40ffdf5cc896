import { legalSheetName } from "../../core/plan/naming";
import type { SheetGrid } from "../../core/sheet/types";
import { HostError } from "../errors";
import { readCsv } from "./csv";
import { LIMITS } from "./limits";
import { openPackage, PackageError, type Inflater, type XlsxPackage } from "./package";
import { readSheets } from "./sheet-read";
import { damaged, encrypted, noSheets, noWorkbook, notSpreadsheet, oldFormat, openDocument, tooLarge } from "./unreadable";

/**
 * The sheets of an `.xlsx` or `.csv` file, from its bytes (no file system here:
 * the CLI reads the file, the playground hands over the upload's ArrayBuffer).
 * Visible sheets come first, in tab order, then hidden ones. A file that
 * cannot be read throws a HostError with one line for the user (unreadable.ts).
 */
export async function readWorkbook(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<SheetGrid[]> {
  return readGrids(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), fileName).grids;
}

/**
 * The file parsed once: its sheets, and for an xlsx the package our sheets are
 * added to (write.ts `outputSource`), so nothing is unzipped twice.
 * `inflate`: Node's zlib in the CLI (cli/deflate.ts), quicker than fflate.
 */
export async function openWorkbook(bytes: ArrayBuffer | Uint8Array, fileName: string, inflate?: Inflater): Promise<{ grids: SheetGrid[]; pkg?: XlsxPackage }> {
  return readGrids(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), fileName, inflate);
}

/** CFB (OLE2) files start with these bytes: old .xls, .et, and encrypted xlsx alike. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function readGrids(data: Uint8Array, fileName: string, inflate?: Inflater): { grids: SheetGrid[]; pkg?: XlsxPackage } {
  const shown = fileName.replace(/^.*[\\/]/, "");
  const dot = shown.lastIndexOf(".");
  const ext = dot >= 0 ? shown.slice(dot + 1).toLowerCase() : "";
  const base = dot >= 0 ? shown.slice(0, dot) : shown;
  if (data.byteLength > LIMITS.fileBytes) throw tooLarge(shown, shown, data.byteLength, LIMITS.fileBytes);
  if (CFB.every((b, i) => data[i] === b)) {
    // An encrypted xlsx is a CFB holding an `EncryptionInfo` stream (its name in UTF-16).
    if (hasUtf16(data, "EncryptionInfo")) throw encrypted(shown);
    throw oldFormat(shown, ext === "et" ? "et" : "xls");
  }
  if (ext === "xls" || ext === "et") throw oldFormat(shown, ext);
  // A zip (PK) is an xlsx whatever its name; anything else is read as delimited text.
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  if (ext === "ods" || (isZip && isOpenDocument(data))) throw openDocument(shown);
  if (isZip) return readXlsx(data, shown, inflate);
  if (ext === "xlsx" || ext === "xlsm") throw notSpreadsheet(shown);
  return { grids: [readCsv(data, legalSheetName(base), shown)] };
}

function readXlsx(data: Uint8Array, fileName: string, inflate?: Inflater): { grids: SheetGrid[]; pkg: XlsxPackage } {
  let pkg;
  try {
    pkg = openPackage(data, inflate);
  } catch (e) {
    if (e instanceof PackageError && /no \[Content_Types\]|no workbook/.test(e.message)) throw noWorkbook(fileName);
    throw damaged(fileName);
  }
  let grids: SheetGrid[];
  try {
    grids = readSheets(pkg, fileName);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw damaged(fileName);
  }
  if (grids.length === 0) throw noSheets(fileName);
  return { grids, pkg };
}

/** An OpenDocument package names its type in a first, stored entry `mimetype`. */
function isOpenDocument(data: Uint8Array): boolean {
  const head = new TextDecoder().decode(data.subarray(30, 120));
  return head.startsWith("mimetype") && head.includes("application/vnd.oasis.opendocument");
}

function hasUtf16(data: Uint8Array, word: string): boolean {
  const needle = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) needle[i * 2] = word.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    for (let k = 0; k < needle.length; k++) if (data[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}
