/**
 * The pipeline's plan stage for a model alone: a template workbook that
 * grades itself (no sheet to read, so no locate/resolve/score). Its own
 * module so that the task pane loads it only when a template is asked for.
 */
export { buildTemplatePlan as planTemplate, DEFAULT_TEMPLATE_ROWS, type TemplateOptions } from "../template/build";
