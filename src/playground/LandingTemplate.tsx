import { TemplatePanel } from "../taskpane/components/TemplatePanel";
import { templateChoices, type TemplateMade, type TemplateRequest } from "../taskpane/state/templates";

/** "New template" on the empty page: every preset that has a template, made as a new workbook. */
// The playground opens the new workbook and hands the pane its next step (onCreate does both).
export function LandingTemplate({ onCreate }: { onCreate: (r: TemplateRequest) => Promise<TemplateMade> }) {
  return <TemplatePanel size="medium" choices={templateChoices(null)} onCreate={onCreate} onCreated={() => undefined} />;
}
