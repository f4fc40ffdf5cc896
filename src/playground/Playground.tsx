/**
 * The task pane in a plain browser: the user opens an .xlsx/.csv (or the bundled
 * sample), runs the same workflow against a workbook held in the page (FileHost),
 * sees the sheets as grids and downloads the result. Nothing leaves the browser.
 */
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Subtitle1, Tab, TabList, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons/svg/arrow-download";
import { DocumentTableRegular } from "@fluentui/react-icons/svg/document-table";
import { FolderOpenRegular } from "@fluentui/react-icons/svg/folder-open";
import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore, type DragEvent } from "react";
import type { Lang } from "../core/model";
import { createFileHost, openFileHost, type FileHost } from "../hosts/open";
import { useStrings } from "../i18n/react";
import { errorMessage } from "../taskpane/state/errors";
import { FIRST_RENDER_MARK } from "../taskpane/first-render";
import type { GenerationResult } from "../taskpane/state/useWorkflow";
import type { TemplateMade, TemplateRequest } from "../taskpane/state/templates";
import type { SheetDisplay } from "./plan-view";
import { downloadFile, XLSX_TYPE } from "../taskpane/download";
import { SheetView } from "./SheetView";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
    "@media (max-width: 720px)": { height: "auto", minHeight: "100vh" },
  },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexWrap: "wrap",
  },
  logo: { width: "32px", height: "32px" },
  title: { display: "flex", flexDirection: "column", marginRight: "auto" },
  privacy: { color: tokens.colorNeutralForeground3 },
  lang: { minWidth: "110px" },
  body: {
    display: "flex",
    flexGrow: 1,
    minHeight: 0,
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    // A phone, or the pane's own width: the pane takes the width, the sheets go below it.
    "@media (max-width: 720px)": { flexDirection: "column", minHeight: "auto" },
  },
  pane: {
    width: "380px",
    flexShrink: 0,
    "@media (max-width: 720px)": { width: "100%", overflowY: "visible" },
    overflowY: "auto",
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  sheets: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, gap: tokens.spacingVerticalS, "@media (max-width: 720px)": { minHeight: "480px" } },
  drop: {
    flexGrow: 1,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    gap: tokens.spacingVerticalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXXL,
    textAlign: "center",
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  dropIcon: { fontSize: "48px", color: tokens.colorBrandForeground1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", justifyContent: "center" },
  hidden: { display: "none" },
});

interface Props {
  lang: Lang;
  onLang: (lang: Lang) => void;
  /** URL of the bundled sample, when the build has one. */
  sampleUrl?: string;
}

// The pane and the workbook code load with the first file: the empty page draws without them.
const TaskPane = lazy(() => import("../taskpane/TaskPane").then((m) => ({ default: m.TaskPane })));
// "New template" before any file: the dialog and the template code load when the empty page has drawn.
const LandingTemplate = lazy(() => import("./LandingTemplate").then((m) => ({ default: m.LandingTemplate })));

const NO_HOST = { subscribe: () => () => undefined, version: () => 0 };

export function Playground({ lang, onLang, sampleUrl }: Props) {
  const { s } = useStrings();
  const styles = useStyles();
  const [host, setHost] = useState<FileHost | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [created, setCreated] = useState<Map<string, SheetDisplay>>(new Map());
  /** A template made on the empty page: the pane opens on its next step. */
  const [template, setTemplate] = useState<TemplateMade | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    performance.mark?.(FIRST_RENDER_MARK);
  }, []);

  // Re-render when the workbook changes (a plan applied, a cell selected).
  const source = host ?? NO_HOST;
  useSyncExternalStore(source.subscribe, source.version);
  // Sheets the run created are drawn with the engine's values (see plan-view.ts); the rest as read from the file.
  const grids = (host?.visibleGrids() ?? []).map((g) => created.get(g.name)?.grid ?? g);
  const onGenerated = useCallback((result: GenerationResult) => {
    void import("./plan-view").then(({ createdSheets }) => setCreated(createdSheets(result)));
  }, []);
  const selection = host?.selection ?? null;

  // Follow the pane: "go to the tier sheet" and "show me this row" switch the grid shown.
  const [followed, setFollowed] = useState(selection);
  if (selection !== followed) {
    setFollowed(selection);
    if (selection) setShown(selection.sheet);
  }

  const open = useCallback(async (load: () => Promise<{ bytes: Uint8Array; name: string }>, label: string) => {
    setOpening(label);
    setError(null);
    try {
      const { bytes, name } = await load();
      const next = await openFileHost(bytes, name);
      setHost(next);
      setShown(null);
      setCreated(new Map());
      setTemplate(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setOpening(null);
    }
  }, []);

  const openFile = (file: File | undefined) => {
    if (file) void open(async () => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }), file.name);
  };

  const loadSample = () => {
    if (!sampleUrl) return;
    const name = decodeURIComponent(sampleUrl.split("/").pop() ?? "sample.csv").replace(/\.[0-9a-f]{8}(?=\.)/, "");
    void open(async () => {
      const response = await fetch(sampleUrl);
      return { bytes: new Uint8Array(await response.arrayBuffer()), name };
    }, name);
  };

  /** A new workbook holding only the template, shown and downloadable like a result. */
  const createTemplate = useCallback(
    async (request: TemplateRequest) => {
      const { planTemplateFor, templateMade } = await import("../taskpane/state/templates");
      const plan = await planTemplateFor(request, []);
      const next = await createFileHost(plan, `${s.templateFile}.xlsx`);
      const made = templateMade(plan);
      setError(null);
      setTemplate(made);
      setHost(next);
      setShown(null);
      setCreated(new Map());
      return made;
    },
    [s.templateFile],
  );

  const download = async () => {
    if (!host) return;
    try {
      downloadFile(await host.toXlsx(), host.resultFileName(), XLSX_TYPE);
    } catch (e) {
      setError(e);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    openFile(e.dataTransfer.files[0]);
  };

  /** "Open a file" and "Load the sample", in the header and again in the empty drop zone. */
  const openButtons = (primary: boolean) => (
    <>
      <Button appearance={primary ? "primary" : "secondary"} icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()}>
        {s.openFile}
      </Button>
      {sampleUrl && (
        <Button icon={<DocumentTableRegular />} onClick={loadSample}>
          {s.loadSample}
        </Button>
      )}
    </>
  );

  const current = grids.find((g) => g.name === shown) ?? grids.find((g) => g.name === host?.activeSheet()) ?? grids[0];

  return (
    <div
      className={styles.page}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className={styles.bar}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div className={styles.title}>
          <Subtitle1 as="h1">{s.playgroundTitle}</Subtitle1>
          <Caption1 className={styles.privacy}>{s.playgroundPrivacy}</Caption1>
        </div>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".xlsx,.xlsm,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={s.openFile}
          data-testid="file-input"
          onChange={(e) => {
            openFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        {/* The empty page has its own buttons below: one of each in the tab order. */}
        {host && (
          <>
            {openButtons(false)}
            <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={!host.hasResult()} onClick={() => void download()}>
              {s.download}
            </Button>
          </>
        )}
        <Select className={styles.lang} aria-label={s.language} value={lang} onChange={(_, d) => onLang(d.value as Lang)}>
          <option value="zh-CN">中文</option>
          <option value="en-US">English</option>
        </Select>
      </header>

      <main className={styles.body}>
        {host && (
          <aside className={styles.pane} aria-label={s.appName}>
            {/* A new file is a new workbook: the pane starts over. */}
            <Suspense fallback={<Spinner label={s.loading} />}>
              <TaskPane key={host.id} host={host} onGenerated={onGenerated} initialTemplate={template} />
            </Suspense>
          </aside>
        )}
        <section className={styles.sheets} aria-label={s.sheetsLabel}>
          {error !== null && (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>{errorMessage(error, lang)}</MessageBarBody>
            </MessageBar>
          )}
          {opening && <Spinner size="small" label={s.opening(opening)} />}
          {host && current && (
            <>
              <TabList size="small" selectedValue={current.name} onTabSelect={(_, d) => setShown(String(d.value))} aria-label={s.sheetsLabel}>
                {grids.map((g) => (
                  <Tab key={g.name} value={g.name}>
                    {g.name}
                  </Tab>
                ))}
              </TabList>
              <SheetView
                grid={current}
                selected={selection?.sheet === current.name ? selection.address : undefined}
                fills={created.get(current.name)?.fills}
              />
            </>
          )}
          {/* Hidden, not unmounted, once a workbook is shown: the template dialog must close before it goes, or the page stays aria-hidden. */}
          <div
            className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
            data-testid="drop-zone"
            style={(host && current) || opening ? { display: "none" } : undefined}
          >
            <DocumentTableRegular className={styles.dropIcon} />
            <Body1>{dragging ? s.dropNow : s.dropHint}</Body1>
            <div className={styles.actions}>
              {openButtons(true)}
              <Suspense fallback={null}>
                <LandingTemplate onCreate={createTemplate} />
              </Suspense>
            </div>
            <Caption1 className={styles.privacy}>{s.playgroundPrivacy}</Caption1>
          </div>
        </section>
      </main>
    </div>
  );
}
