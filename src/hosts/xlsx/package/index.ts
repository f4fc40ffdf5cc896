/** The xlsx package layer: open a package from bytes, read its parts; write a plan into it. */
export { openPackage, packageOf, PackageError, type PackageSheet, type XlsxPackage } from "./package";
export { contentTypeOf, type ContentTypes } from "./content-types";
export { parseRels, relKind, relsPathOf, resolveTarget, type Relationship } from "./rels";
export type { StylesInfo } from "./styles";
export type { WorkbookInfo, WorkbookName, WorkbookSheet } from "./workbook";
export { decodeXml } from "./xml";
export { addPlan, writePlan, type WriteOptions, type WriteResult } from "./write-plan";
export { packageFromGrids } from "./from-grids";
export type { NonFinite } from "./sheet-xml";
export type { DeflaterFactory } from "./deflate";
export { writeZip, type Inflater, type ZipEntry } from "./zip";
