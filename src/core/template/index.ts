/** Templates: a customer-level management workbook that grades itself, as a plan for either host. */
export { buildTemplatePlan, DEFAULT_TEMPLATE_ROWS, type TemplateOptions } from "./build";
export { withFollowUp, defaultCadence } from "./follow-up";
