/** Set once the page has rendered: the UI benchmark measures time to first render with it (see src/bench/ui.ts). */
export const FIRST_RENDER_MARK = "custtier:first-render";
