export declare const OPENAPI_FILE: URL;
export declare const TYPES_FILE: URL;
export declare function renderDocument(document: Record<string, unknown>): string;
export declare function renderTypes(document: Record<string, unknown>): Promise<string>;
