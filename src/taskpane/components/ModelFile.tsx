import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons/svg/arrow-download";
import { ArrowUploadRegular } from "@fluentui/react-icons/svg/arrow-upload";
import { useRef, useState } from "react";
import type { Model } from "../../core/model";
import { modelFileName, modelFileText, readModelFile } from "../../core/model-file";
import type { ModelProblem } from "../../core/validate";
import { useStrings } from "../../i18n/react";
import { downloadFile, JSON_TYPE } from "../download";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A file's text (FileReader: every browser the pane runs in, and jsdom). */
function fileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsText(file);
  });
}

/** Export the model as a .json file, or import one (checked by core's validation, its messages shown). */
export function ModelFile({ model, onImport }: { model: Model; onImport: (model: Model) => void }) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<{ file: string; problems: ModelProblem[] } | null>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const read = readModelFile(await fileText(file));
    if (read.model) {
      setRefused(null);
      onImport(read.model);
    } else setRefused({ file: file.name, problems: read.problems });
  };

  return (
    <>
      <div className={styles.row}>
        <Button icon={<ArrowDownloadRegular />} onClick={() => downloadFile(modelFileText(model), modelFileName(model), JSON_TYPE)}>
          {s.exportModel}
        </Button>
        <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()}>
          {s.importModel}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="model-file-input"
          aria-label={s.importModel}
          onChange={(e) => {
            void importFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </div>
      {refused && (
        <MessageBar intent="error" layout="multiline" data-testid="model-file-refused">
          <MessageBarBody>
            <MessageBarTitle>{s.modelFileRefused(refused.file)}</MessageBarTitle>
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {refused.problems.map((p) => (
                <li key={p.path + p.message["en-US"]}>{tx(p.message)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
