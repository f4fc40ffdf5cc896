/**
 * The one place the pane talks to the workbook, and a thin React adapter over
 * the core pipeline (core/pipeline: locate → resolve → score → plan): this
 * hook holds what the user chose and what the host returned, and derives the
 * rest with the pipeline's stages. Components get the state and the callbacks
 * it returns; none of them calls the host. Scoring for the live preview uses
 * the rows already read: changing the model makes no host call.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Lang, Model, Text } from "../../core/model";
import { choicesFromSaved, isComplete, locate, orderLogShape, plan as tierPlan, resolve, savedColumns, score, sumsOrders, type ColumnChoices, type Resolved } from "../../core/pipeline";
import { DEFAULT_PRESET_ID, findPreset, PRESETS, VALUE_PRESETS } from "../../core/presets";
import { ORDER_LOG } from "../../core/orders/detect";
import { isOrderField } from "../../core/pipeline/orders";
import { historyStage, isoDay, reviewReminder, type WorkbookHistory } from "../../core/history";
import { localToday } from "../../core/parse/values";
import { MappingError } from "../../core/sheet/mapping";
import type { FieldDef } from "../../core/model";
import type { WorkbookPlan } from "../../core/plan/types";
import type { ColumnMapping, ScoredTable, SheetGrid, SourceTable } from "../../core/sheet/types";
import { validateModel, type ModelProblem } from "../../core/validate";
import type { SavedSettings, SheetInfo, WorkbookHost } from "../../hosts/host";
import { readHistory } from "./history";
import { isAbort } from "./errors";
import { followNumbers, ownModel } from "./model-edit";
import { planTemplateFor, templateMade, type TemplateMade, type TemplateRequest } from "./templates";
import { useDebounced } from "./useDebounced";

/** How long the model must stay unchanged before the preview re-scores. */
const PREVIEW_DELAY_MS = 200;

/** The preset an order log is steered to when the user has not picked one: it reads what a log gives. */
const ORDER_LOG_PRESET = "rfm";

/** An order log as the pane shows it: "N orders → M customers". */
export interface OrderLogView {
  /** Order lines of the log, lines that went into the sums, and customers. */
  lines: number;
  used: number;
  customers: number;
  /** Whether the current model sums the log per customer (a value preset); else it cannot tier it. */
  sums: boolean;
  /** The log's own columns (customer, orderDate, amount, orderId, customerId). */
  customerHeader: string;
  dateHeader: string;
}

export type Generation =
  | { phase: "idle" }
  | { phase: "running"; done: number; total: number }
  | { phase: "cancelled" }
  | { phase: "done"; result: GenerationResult };

export interface GenerationResult {
  /** The model and plan as applied (the playground draws the generated sheets from them). */
  model: Model;
  plan: WorkbookPlan;
  scored: ScoredTable;
  tierSheet: string;
  sourceSheet: string;
  settingsSaved: boolean;
}

export interface Workflow {
  loading: boolean;
  sheets: SheetInfo[];
  sheetName: string | null;
  table: SourceTable | null;
  selectSheet: (name: string) => void;
  reread: () => void;

  model: Model;
  /** The preset the model started from. */
  preset: Model;
  edited: boolean;
  choosePreset: (id: string) => void;
  editModel: (model: Model) => void;
  resetModel: () => void;
  /** The user's models saved in this workbook, offered next to the presets. */
  savedModels: Model[];
  /** Keeps the current model in the workbook's settings (replacing a saved one of the same id). */
  saveModel: () => Promise<void>;
  /** Uses a model read from a file (valid): it becomes the one "reset" returns to. */
  importModel: (model: Model) => void;
  problems: ModelProblem[];

  mapping: ColumnMapping | null;
  /** Fields whose column the user picked by hand. */
  chosen: string[];
  chooseColumn: (field: string, letter: string | null) => void;

  /** The fields the columns step maps: the model's, or an order log's own when the model sums it per customer. */
  columnFields: readonly FieldDef[];
  /** The table those fields are mapped on. */
  columnTable: SourceTable | null;

  /**
   * Set when the table looks like an order log (customers repeating, a date column).
   * A value preset (rfm, abc…) tiers it summed per customer; any other model does not tier it.
   */
  orderLog: OrderLogView | null;
  /** The day recency and customer status count from, as YYYY-MM-DD (default today). */
  asOf: string;
  setAsOf: (day: string) => void;

  /** The table scored with the current model, a moment after the last edit; null when it cannot be scored. */
  preview: ScoredTable | null;

  generation: Generation;
  /** Said when the workbook's last snapshot of the model is older than the model's review cadence; null otherwise. */
  reviewReminder: Text | null;
  canGenerate: boolean;
  generate: () => Promise<void>;
  cancel: () => void;
  goTo: (sheet: string, address?: string) => void;
  /** Inserts a template for the model and language asked for (new sheets only); resolves to the sheets the next step names. */
  createTemplate: (request: TemplateRequest) => Promise<TemplateMade>;

  error: unknown;
  dismissError: () => void;
}

/** The pane's snapshot date: today (issue 12), read at each use so that a pane left open over midnight moves on. */
const today = () => isoDay(localToday());

/** The sheet to start on: the one the settings name, else the active one unless we made it, else the first of the user's. */
function startSheet(sheets: SheetInfo[], saved: SavedSettings | null): SheetInfo | undefined {
  const own = sheets.filter((s) => !s.marker && !s.hidden);
  return (
    own.find((s) => s.name === saved?.sheet) ??
    own.find((s) => s.active) ??
    own[0] ??
    sheets.find((s) => s.active)
  );
}

export function useWorkflow(host: WorkbookHost, lang: Lang, onGenerated?: (result: GenerationResult) => void): Workflow {
  const [loading, setLoading] = useState(true);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [grid, setGrid] = useState<SheetGrid | null>(null);
  /** Columns saved with the workbook (by header), for the sheet they were saved on. */
  const [savedCols, setSavedCols] = useState<Record<string, string>>({});
  const [preset, setPreset] = useState<Model>(() => findPreset(DEFAULT_PRESET_ID) ?? PRESETS[0]);
  const [model, setModel] = useState<Model>(preset);
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [savedModels, setSavedModels] = useState<Model[]>([]);
  const [generation, setGeneration] = useState<Generation>({ phase: "idle" });
  const [error, setError] = useState<unknown>(null);
  /** The workbook's tier history and tier-sheet overrides, read with the sheets: the preview shows overrides and their issues. */
  const [history, setHistory] = useState<WorkbookHistory>({});
  /** The as-of day the user typed; null follows today (like the history snapshot's date). */
  const [asOfChosen, setAsOfChosen] = useState<string | null>(null);
  // Whether the user (or the workbook's settings) picked the model: an order log is steered to a value preset only when not.
  const [presetChosen, setPresetChosen] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  // Only the latest sheet read may land: the user can switch sheets faster than Excel answers.
  const readId = useRef(0);

  const loadSheet = useCallback(
    async (info: SheetInfo | undefined, savedColumns?: Record<string, string>) => {
      const id = ++readId.current;
      setLoading(true);
      try {
        // The active sheet is read without a name so that the host includes the user's selection.
        const read = await host.readSheet(info && !info.active ? info.name : undefined);
        if (id !== readId.current) return;
        setGrid(read);
        setSavedCols(savedColumns ?? {});
        setChoices({});
        setGeneration({ phase: "idle" });
      } catch (e) {
        if (id === readId.current) setError(e);
      } finally {
        if (id === readId.current) setLoading(false);
      }
    },
    [host],
  );

  const loadHistory = useCallback(
    async (list: SheetInfo[]) => {
      try {
        setHistory(await readHistory(host, list));
      } catch (e) {
        setError(e);
      }
    },
    [host],
  );

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [list, saved] = await Promise.all([host.listSheets(), host.loadSettings().catch(() => null)]);
        if (!live) return;
        setSheets(list);
        if (saved) {
          setPresetChosen(true);
          setSavedModels(saved.models ?? []);
          setPreset(findPreset(saved.model.id) ?? saved.models?.find((m) => m.id === saved.model.id) ?? saved.model);
          setModel(saved.model);
        }
        await loadSheet(startSheet(list, saved), saved?.mapping);
        if (live) await loadHistory(list);
      } catch (e) {
        if (live) {
          setError(e);
          setLoading(false);
        }
      }
    })();
    return () => {
      live = false;
    };
    // Only a new host reads the workbook again: loadSheet changes with the host alone (a language switch re-locates the rows already read).
  }, [host, loadSheet, loadHistory]);

  const located = useMemo(() => (grid ? locate(grid, { lang }) : null), [grid, lang]);
  const table = located?.table ?? null;
  const sheetName = grid?.name ?? null;

  const selectSheet = useCallback(
    (name: string) => {
      setError(null);
      void loadSheet(sheets.find((s) => s.name === name) ?? { name, active: false });
    },
    [loadSheet, sheets],
  );

  const reread = useCallback(() => {
    setError(null);
    void (async () => {
      try {
        const list = await host.listSheets();
        setSheets(list);
        const current = list.find((s) => s.name === sheetName);
        await loadSheet(current ?? startSheet(list, null));
        await loadHistory(list);
      } catch (e) {
        setError(e);
      }
    })();
  }, [host, loadSheet, loadHistory, sheetName]);

  // The pipeline, stage by stage, each recomputed only when its inputs change.
  const problems = useMemo(() => validateModel(model), [model]);
  const asOf = asOfChosen ?? today();
  const asOfDay = useMemo(() => dayOf(asOf), [asOf]);
  // Saved columns first, the user's picks over them; a choice whose column is gone falls back to detection.
  const all = useMemo<ColumnChoices | null>(() => (located ? { ...choicesFromSaved(located.table, savedCols), ...choices } : null), [located, savedCols, choices]);
  // An order log (customers repeating, a date column), with the user's picks for its columns.
  const shape = useMemo(() => (located && all ? orderLogShape(located.table, orderPicks(all), unusedOrderFields(all)) : null), [located, all]);
  const sums = !!shape && sumsOrders(model);
  const resolved = useMemo<Resolved | null>(() => {
    if (!located || !all) return null;
    try {
      return resolve(located, model, all, { unknownChoice: "detect", today: asOfDay });
    } catch (e) {
      // An order log still missing its amount column: the columns step shows what to pick.
      if (e instanceof MappingError) return null;
      throw e;
    }
  }, [located, model, all, asOfDay]);

  // The columns step maps an order log's own columns when the model sums it; the model's otherwise.
  const columnFields = sums ? ORDER_LOG.fields : model.fields;
  const columnTable = sums ? (located?.table ?? null) : (resolved?.table ?? null);
  const mapping = sums ? (resolved?.orders?.mapping ?? shape!.mapping) : (resolved?.mapping ?? null);

  const orderLog = useMemo<OrderLogView | null>(() => {
    if (!shape || !located) return null;
    const agg = resolved?.orders?.aggregate;
    const { columns } = (resolved?.orders?.mapping ?? shape.mapping);
    const header = (i: number | undefined) => (i === undefined ? "" : located.table.headers[i] ?? "");
    return {
      lines: agg?.lines ?? shape.orders,
      used: agg?.used ?? shape.orders,
      customers: agg?.customers ?? shape.customers,
      sums,
      customerHeader: header(columns.customer ?? columns.customerId),
      dateHeader: header(columns.orderDate),
    };
  }, [shape, located, resolved, sums]);
  // A model that cannot sum an order log must not tier it line by line.
  const refused = !!shape && !sums;

  // An order log opened with the default model goes to a value preset: the default cannot tier it.
  // Adjusted while rendering (not in an effect): the next render has the value preset, which sums the log.
  const steerTo = shape && !presetChosen && !sumsOrders(model) ? findPreset(ORDER_LOG_PRESET) : undefined;
  if (steerTo) {
    setPreset(steerTo);
    setModel(steerTo);
  }

  const settled = useDebounced(
    useMemo(() => ({ resolved, problems, refused, history, asOfDay }), [resolved, problems, refused, history, asOfDay]),
    PREVIEW_DELAY_MS,
  );
  const preview = useMemo(() => {
    const { resolved: r, problems: p, refused: no, history: h, asOfDay: day } = settled;
    return r && !p.length && !no && isComplete(r) ? score(r, { today: day, stages: [historyStage(h, isoDay(day))] }) : null;
  }, [settled]);

  const choosePreset = useCallback((id: string) => {
    const next = findPreset(id) ?? savedModels.find((m) => m.id === id);
    if (!next) return;
    setPresetChosen(true);
    setPreset(next);
    setModel(next);
  }, [savedModels]);

  const importModel = useCallback((next: Model) => {
    setPresetChosen(true);
    setPreset(next);
    setModel(next);
  }, []);

  const chooseColumn = useCallback((field: string, letter: string | null) => {
    setChoices((c) => ({ ...c, [field]: letter }));
  }, []);

  const reminder = useMemo(() => reviewReminder(model, history.log, today())?.message ?? null, [model, history]);

  const canGenerate = !!resolved && resolved.table.rows.length > 0 && isComplete(resolved) && problems.length === 0 && !refused;
  const running = generation.phase === "running";

  const generate = useCallback(async () => {
    if (!resolved || !canGenerate || running) return;
    const { table } = resolved;
    setError(null);
    const controller = new AbortController();
    abortRef.current = controller;
    setGeneration({ phase: "running", done: 0, total: table.rows.length });
    try {
      // Scored afresh: the preview may still be waiting for its debounce, and the user may have typed overrides since.
      const existing = await host.listSheets();
      const earlier = await readHistory(host, existing);
      setHistory(earlier);
      // The as-of day is the snapshot's date too, as with the CLI's --as-of.
      const day = dayOf(asOfChosen ?? today());
      const scored = score(resolved, { today: day, stages: [historyStage(earlier, isoDay(day))] });
      const plan = tierPlan(scored, { lang, existing });
      await host.applyPlan(plan, {
        signal: controller.signal,
        onProgress: (p) => {
          if (!controller.signal.aborted) setGeneration({ phase: "running", done: p.done, total: p.total });
        },
      });
      if (controller.signal.aborted) {
        setGeneration({ phase: "cancelled" });
        return;
      }
      const tierSheet = plan.sheets.find((s) => s.role === "tiers")?.name ?? plan.activate;
      let settingsSaved = true;
      try {
        await host.saveSettings({ version: 1, model, mapping: savedColumns(resolved), sheet: table.sheetName, models: savedModels });
      } catch (e) {
        // The tier table is written; not being able to save the rules is worth saying, not undoing.
        settingsSaved = false;
        setError(e);
      }
      const result = { model, plan, scored, tierSheet, sourceSheet: table.sheetName, settingsSaved };
      setGeneration({ phase: "done", result });
      onGenerated?.(result);
      setSheets(await host.listSheets());
    } catch (e) {
      if (controller.signal.aborted || isAbort(e)) setGeneration({ phase: "cancelled" });
      else {
        setGeneration({ phase: "idle" });
        setError(e);
      }
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  }, [resolved, canGenerate, running, model, lang, host, onGenerated, savedModels, asOfChosen]);

  const saveModel = useCallback(async () => {
    setError(null);
    const own = ownModel(model, [...PRESETS, ...VALUE_PRESETS].map((p) => p.id));
    const models = [...savedModels.filter((m) => m.id !== own.id), own];
    try {
      await host.saveSettings({
        version: 1,
        model: own,
        mapping: resolved ? savedColumns(resolved) : savedCols,
        ...(sheetName ? { sheet: sheetName } : {}),
        models,
      });
      setSavedModels(models);
      setPreset(own);
      setModel(own);
    } catch (e) {
      setError(e);
    }
  }, [host, model, resolved, savedCols, savedModels, sheetName]);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  const createTemplate = useCallback(
    async (request: TemplateRequest) => {
      const plan = await planTemplateFor(request, await host.listSheets());
      await host.applyPlan(plan);
      // The new customer sheet is a source like any other.
      setSheets(await host.listSheets());
      return templateMade(plan);
    },
    [host],
  );

  const goTo = useCallback(
    (sheet: string, address?: string) => {
      host.select(sheet, address).catch((e: unknown) => setError(e));
    },
    [host],
  );

  return {
    loading,
    sheets,
    sheetName,
    table,
    selectSheet,
    reread,
    model,
    preset,
    edited: model !== preset,
    choosePreset,
    editModel: (next: Model) => setModel(followNumbers(next, preset)),
    resetModel: () => setModel(preset),
    importModel,
    savedModels,
    saveModel,
    problems,
    mapping,
    chosen: Object.keys(choices).filter((f) => choices[f] !== null),
    chooseColumn,
    columnFields,
    columnTable,
    orderLog,
    asOf,
    setAsOf: (day: string) => setAsOfChosen(day || null),
    preview,
    generation,
    reviewReminder: reminder,
    canGenerate,
    generate,
    cancel,
    goTo,
    createTemplate,
    error,
    dismissError: () => setError(null),
  };
}

/** The day an as-of field names (YYYY-MM-DD, UTC midnight like every engine date); today while it is not a whole day. */
function dayOf(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const day = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
  return day && isoDay(day) === iso ? day : localToday();
}

/** The order-log columns the user picked (by letter). */
function orderPicks(choices: ColumnChoices): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, column] of Object.entries(choices)) if (column !== null && isOrderField(field)) out[field] = column;
  return out;
}

/** Order-log fields the user set to "not used" (no order-id column: each line is an order). */
function unusedOrderFields(choices: ColumnChoices): string[] {
  return Object.keys(choices).filter((f) => choices[f] === null && isOrderField(f));
}
