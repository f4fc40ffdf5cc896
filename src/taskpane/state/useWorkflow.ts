/**
 * The one place the pane talks to the workbook, and a thin React adapter over
 * the core pipeline (core/pipeline: locate → resolve → score → plan): this
 * hook holds what the user chose and what the host returned, and derives the
 * rest with the pipeline's stages. Components get the state and the callbacks
 * it returns; none of them calls the host. Scoring for the live preview uses
 * the rows already read: changing the model makes no host call.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Lang, Model } from "../../core/model";
import { choicesFromSaved, isComplete, locate, plan as tierPlan, resolve, savedColumns, score, type ColumnChoices } from "../../core/pipeline";
import { DEFAULT_PRESET_ID, findPreset, PRESETS } from "../../core/presets";
import { historyStage, isoDay, type WorkbookHistory } from "../../core/history";
import { localToday } from "../../core/parse/values";
import { recogniseOrderLog, type OrderLogShape } from "../../core/orders/detect";
import type { WorkbookPlan } from "../../core/plan/types";
import type { ColumnMapping, ScoredTable, SheetGrid, SourceTable } from "../../core/sheet/types";
import { validateModel, type ModelProblem } from "../../core/validate";
import type { SavedSettings, SheetInfo, WorkbookHost } from "../../hosts/host";
import { readHistory } from "./history";
import { isAbort } from "./errors";
import { followNumbers, ownModel } from "./model-edit";
import { useDebounced } from "./useDebounced";

/** How long the model must stay unchanged before the preview re-scores. */
const PREVIEW_DELAY_MS = 200;

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

  /** Set when the table looks like an order log (customers repeating, a date column): it is not tiered. */
  orderLog: OrderLogShape | null;

  /** The table scored with the current model, a moment after the last edit; null when it cannot be scored. */
  preview: ScoredTable | null;

  generation: Generation;
  canGenerate: boolean;
  generate: () => Promise<void>;
  cancel: () => void;
  goTo: (sheet: string, address?: string) => void;
  /** Inserts a template workbook for the current model (new sheets only); resolves to its customer sheet's name. */
  createTemplate: (options: { examples: boolean }) => Promise<string>;

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
  const resolved = useMemo(() => {
    if (!located) return null;
    // Saved columns first, the user's picks over them; a choice whose column is gone falls back to detection.
    const all: ColumnChoices = { ...choicesFromSaved(located.table, savedCols), ...choices };
    return resolve(located, model, all, { unknownChoice: "detect" });
  }, [located, model, savedCols, choices]);
  const mapping = resolved?.mapping ?? null;

  // An order log (customers repeating, a date column) is recognised, not tiered.
  const orderLog = useMemo(() => (table ? recogniseOrderLog(table) : null), [table]);

  const settled = useDebounced(useMemo(() => ({ resolved, problems, orderLog, history }), [resolved, problems, orderLog, history]), PREVIEW_DELAY_MS);
  const preview = useMemo(() => {
    const { resolved: r, problems: p, orderLog: log, history: h } = settled;
    return r && !p.length && !log && isComplete(r) ? score(r, { stages: [historyStage(h, today())] }) : null;
  }, [settled]);

  const choosePreset = useCallback((id: string) => {
    const next = findPreset(id) ?? savedModels.find((m) => m.id === id);
    if (!next) return;
    setPreset(next);
    setModel(next);
  }, [savedModels]);

  const importModel = useCallback((next: Model) => {
    setPreset(next);
    setModel(next);
  }, []);

  const chooseColumn = useCallback((field: string, letter: string | null) => {
    setChoices((c) => ({ ...c, [field]: letter }));
  }, []);

  const canGenerate = !!resolved && resolved.table.rows.length > 0 && isComplete(resolved) && problems.length === 0 && !orderLog;
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
      const scored = score(resolved, { stages: [historyStage(earlier, today())] });
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
  }, [resolved, canGenerate, running, model, lang, host, onGenerated, savedModels]);

  const saveModel = useCallback(async () => {
    setError(null);
    const own = ownModel(model, PRESETS.map((p) => p.id));
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
    async ({ examples }: { examples: boolean }) => {
      // Loaded when asked for: most sessions never make a template, and the pane opens faster without it.
      const { planTemplate } = await import("../../core/pipeline/template");
      const plan = planTemplate(model, { lang, examples, existing: await host.listSheets() });
      await host.applyPlan(plan);
      // The new customer sheet is a source like any other.
      setSheets(await host.listSheets());
      return plan.sheets.find((s) => s.role === "customers")?.name ?? plan.activate;
    },
    [host, model, lang],
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
    orderLog,
    preview,
    generation,
    canGenerate,
    generate,
    cancel,
    goTo,
    createTemplate,
    error,
    dismissError: () => setError(null),
  };
}
