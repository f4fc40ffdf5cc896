/**
 * A hand-made plan with one validation of each kind over 100 rows, for the
 * xlsx and Excel host tests. Nothing here comes from the code under test.
 */
import type { DataValidation, SheetPlan, WorkbookPlan } from "../../src/core/plan/types";

export const ROWS = 100;
export const LISTS = "Drop lists";
/** 2000-01-01 as an Excel serial day. */
export const Y2000 = 36526;

const column = (col: number) => ({ row: 1, col, rows: ROWS, cols: 1 });
const messages = (what: string) => ({ prompt: { title: what, message: `Type ${what}` }, error: { title: `Bad ${what}`, message: `That is not ${what}` } });

export const VALIDATIONS: DataValidation[] = [
  { range: column(1), rule: { kind: "list", source: `'${LISTS}'!$A$1:$A$3` }, ...messages("a need") },
  { range: column(2), rule: { kind: "number", whole: true, min: 0 }, ...messages("orders") },
  { range: column(3), rule: { kind: "number", whole: false, min: 0, max: 100 }, ...messages("a score") },
  { range: column(4), rule: { kind: "date", min: Y2000 }, ...messages("a date") },
];

function sheet(name: string, marker: string, cells: SheetPlan["blocks"][number]["cells"], validations?: DataValidation[]): SheetPlan {
  return {
    name,
    role: "tiers",
    action: { kind: "create" },
    marker: { name: marker, cell: { row: 0, col: 0 } },
    blocks: [{ at: { row: 0, col: 0 }, cells }],
    styles: [],
    columns: [],
    rules: [],
    validations,
  };
}

export function validationPlan(): WorkbookPlan {
  return {
    sheets: [
      sheet("Customers", "Test_Customers", [["Customer", "Need", "Orders", "Score", "Last contact"]], VALIDATIONS),
      sheet(LISTS, "Test_Lists", [["clear"], ["potential, maybe"], ["none"]]),
    ],
    activate: "Customers",
  };
}
