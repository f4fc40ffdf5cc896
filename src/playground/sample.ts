/**
 * The bundled sample sheet (the CLI demo's), emitted by webpack as an asset of
 * the playground: "Load the sample" fetches it from the same server.
 */
export const SAMPLE_URL: string = new URL("../../assets/samples/customers-zh.csv", import.meta.url).href;
