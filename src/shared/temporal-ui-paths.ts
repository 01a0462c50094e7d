/** Where the Temporal Web UI is served, through the product (its own `--ui-public-path`). */
export const TEMPORAL_UI_PATH = '/temporal';
/** The codec endpoint the Web UI calls: relative, so it is the product's own origin whatever host people use. */
export const CODEC_ENDPOINT = '/codec';
