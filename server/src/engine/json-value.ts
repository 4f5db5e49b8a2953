/** A value that survives `JSON.stringify` / `JSON.parse` unchanged: what storages persist. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object, used for trial attributes. */
export type JsonObject = { [key: string]: JsonValue };
